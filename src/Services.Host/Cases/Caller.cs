using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OpenIddict.Abstractions;

namespace OneThing.Host.Cases;

/// <summary>The signed-in person behind a request, with what the token does not carry (ID number, phone).</summary>
public sealed record Caller(string UserId, string Name, IReadOnlyList<string> Roles, string? Department, string? IdNumber, string? Phone, string? Region)
{
    public bool IsWindowClerk => Roles.Contains(Identity.Roles.WindowClerk);

    public bool IsHead => Roles.Contains(Identity.Roles.DepartmentHead);

    public static async Task<Caller> OfAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken = default)
    {
        var id = principal.GetClaim(OpenIddictConstants.Claims.Subject)
            ?? throw new ProblemException(Problems.Unauthorized);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.IdNumber, u.PhoneNumber, u.RegionCode, u.DepartmentCode })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ProblemException(Problems.Forbidden, "This account is not a person.", "该账户不是个人账户。");
        return new Caller(id, user.DisplayName, [.. principal.GetClaims(OpenIddictConstants.Claims.Role)], user.DepartmentCode, user.IdNumber, user.PhoneNumber, user.RegionCode);
    }
}
