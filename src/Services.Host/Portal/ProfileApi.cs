using System.Security.Claims;
using OneThing.Host.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneThing.Host.Portal;

public static class ProfileApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", GetMe)
            .WithTags("Profile · 个人")
            .WithName("GetMe")
            .WithSummary("Who the token belongs to · 当前登录身份")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>The signed-in subject as the token describes it: person or department system.</summary>
    public sealed record MeView(string Subject, string? Name, IReadOnlyList<string> Roles, string? Department, string? Region, int? AssuranceLevel);

    private static MeView GetMe(ClaimsPrincipal user) => new(
        user.GetClaim(Claims.Subject)!,
        user.GetClaim(Claims.Name),
        user.GetClaims(Claims.Role),
        user.GetClaim(OneThingClaims.Department),
        user.GetClaim(OneThingClaims.Region),
        int.TryParse(user.GetClaim(OneThingClaims.AssuranceLevel), out var level) ? level : null);
}
