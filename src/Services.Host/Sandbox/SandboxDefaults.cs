using OneThing.Host.Cases.Departments;
using OneThing.Host.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneThing.Host.Sandbox;

/// <summary>
/// DEVELOPMENT ONLY: the demo accounts' password and the demo clients' secrets. Used when the sandbox
/// profile is on; a real installation registers its own clients through <c>Identity:Clients</c>.
/// </summary>
public static class SandboxDefaults
{
    public const string DemoPassword = "Demo#2026!";

    /// <summary>Public client for scripts, tests and the README's curl examples (password grant).</summary>
    public const string CliClientId = "onething-cli";

    /// <summary>The citizens' portal (爱山东-style app), authorization code + PKCE.</summary>
    public const string PortalClientId = "onething-portal";

    public static string DepartmentSystemClientId(string departmentCode) => $"{departmentCode}-system";

    public static string DepartmentSystemSecret(string departmentCode) => $"dev-only-{departmentCode}-secret";

    public static IEnumerable<ClientDefinition> Clients()
    {
        yield return new ClientDefinition
        {
            ClientId = CliClientId,
            DisplayName = "OneThing sandbox CLI (development only)",
            GrantTypes = [GrantTypes.Password, GrantTypes.RefreshToken],
        };
        yield return new ClientDefinition
        {
            ClientId = PortalClientId,
            DisplayName = "爱山东 portal (sandbox)",
            GrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken],
            RedirectUris = ["http://localhost:5000/callback", "http://127.0.0.1:5000/callback", "https://localhost/callback", "http://localhost:5173/callback"],
            PostLogoutRedirectUris = ["http://localhost:5000/", "https://localhost/"],
        };
        foreach (var department in DepartmentSeeder.Catalogue)
        {
            yield return new ClientDefinition
            {
                ClientId = DepartmentSystemClientId(department.Code),
                ClientSecret = DepartmentSystemSecret(department.Code),
                DisplayName = $"{department.Name} 业务系统 (sandbox)",
                GrantTypes = [GrantTypes.ClientCredentials],
                DepartmentCode = department.Code,
            };
        }
    }
}
