using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Hosting;
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
        group.MapPost("/read", MarkReadAsync).WithName("MarkMyNotificationsRead")
            .WithSummary("Mark notifications as read · 标记为已读")
            .ProducesValidationProblem();
    }

    public sealed record NotificationView(Guid Id, string Title, string Body, string? CaseNumber, DateTimeOffset DeliveredAt, bool Read);

    public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total);

    /// <summary>Which notifications to mark as read.</summary>
    public sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);

    public sealed record MarkReadResult(int Marked);

    private static async Task<Results<Ok<MarkReadResult>, ProblemHttpResult>> MarkReadAsync(
        MarkReadRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time)
    {
        if (request.Ids is not { Count: > 0 and <= 100 } ids)
        {
            return TypedResults.Problem(Problems.ValidationFailed.Create(errors:
            [
                new FieldError("#/ids", "ids_count", "Give between 1 and 100 notification ids.", "请提供 1 至 100 个消息编号。"),
            ]));
        }

        var userId = user.GetClaim(OpenIddictConstants.Claims.Subject);
        var now = time.GetUtcNow();
        // Only the caller's own notifications: another person's id silently matches nothing.
        var marked = await db.Notifications
            .Where(n => n.RecipientUserId == userId && ids.Contains(n.Id) && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
        return TypedResults.Ok(new MarkReadResult(marked));
    }

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
