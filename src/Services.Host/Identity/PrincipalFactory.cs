using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneThing.Host.Identity;

/// <summary>Builds the claims a token carries for a person or a department system, and where each claim goes.</summary>
public sealed class PrincipalFactory(UserManager<AppUser> users)
{
    public const string AuthenticationType = "OneThing";

    public async Task<ClaimsPrincipal> CreateAsync(AppUser user, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(OneThingClaims.Region, user.RegionCode)
            .SetClaim(OneThingClaims.AssuranceLevel, user.AssuranceLevel.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        if (user.DepartmentCode is not null)
        {
            identity.SetClaim(OneThingClaims.Department, user.DepartmentCode);
        }

        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal CreateForClient(string clientId, string displayName, string? departmentCode, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName)
            .SetClaims(Claims.Role, [Roles.DepartmentSystem]);
        if (departmentCode is not null)
        {
            identity.SetClaim(OneThingClaims.Department, departmentCode);
        }

        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() => new(AuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, ImmutableArray<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        yield return OpenIddictConstants.Destinations.AccessToken;

        var toIdToken = claim.Type switch
        {
            Claims.Subject => true,
            Claims.Name or Claims.PreferredUsername or OneThingClaims.AssuranceLevel => identity.HasScope(Scopes.Profile),
            Claims.Role or OneThingClaims.Department or OneThingClaims.Region => identity.HasScope(Scopes.Roles),
            _ => false,
        };
        if (toIdToken)
        {
            yield return OpenIddictConstants.Destinations.IdentityToken;
        }
    }
}
