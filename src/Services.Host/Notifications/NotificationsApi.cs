using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OpenIddict.Abstractions;

namespace OneThing.Host.Notifications;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/notifications")
            .WithTags("Notifications · 消息")
            .RequireAuthorization(AuthorizationPolicies.Person);

        group.MapGet("/", ListAsync).WithName("ListMyNotifications")
            .WithSummary("My notifications, newest first · 我的消息");
    }

    public sealed record NotificationView(Guid Id, string Title, string Body, string? CaseNumber, DateTimeOffset DeliveredAt, bool Read);

    public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total);

    private static async Task<Ok<NotificationPage>> ListAsync(ClaimsPrincipal user, AppDbContext db, int page = 1, int pageSize = 20)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var userId = user.GetClaim(OpenIddictConstants.Claims.Subject);
        var mine = db.Notifications.Where(n => n.RecipientUserId == userId);
        var total = await mine.CountAsync();
        var items = await mine
            .OrderByDescending(n => n.DeliveredAt)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.CaseNumber, n.DeliveredAt, n.ReadAt != null))
            .ToListAsync();
        return TypedResults.Ok(new NotificationPage(items, page, pageSize, total));
    }
}
