using Duende.IdentityModel.Client;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Sandbox;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// One signed-in client per role of the matrix, with real tokens: demo users through the password grant, the
/// department system through client credentials, and a client without a token for <c>anonymous</c>.
/// </summary>
internal sealed class RoleClients(PlatformFixture platform) : IDisposable
{
    /// <summary>The demo account that plays each person role (the health department's clerk and head).</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoUsers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["applicant"] = "zhaomin",
        ["window-clerk"] = "window.clerk",
        ["clerk"] = "clerk.health",
        ["department-head"] = "head.health",
        ["admin"] = "admin",
        ["auditor"] = "auditor",
    };

    public const string SystemDepartment = "health";

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>A client for <paramref name="role"/> (the role's demo user) or for a named demo account.</summary>
    public async Task<HttpClient> ForAsync(string roleOrUser)
    {
        if (_clients.TryGetValue(roleOrUser, out var client))
        {
            return client;
        }

        client = platform.Factory.CreateApiClient();
        if (roleOrUser == AuthorizationMatrix.Anonymous)
        {
            // no token
        }
        else if (roleOrUser == "department-system")
        {
            var discovery = await Tokens.DiscoverAsync(client);
            var token = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = discovery.TokenEndpoint,
                ClientId = SandboxDefaults.DepartmentSystemClientId(SystemDepartment),
                ClientSecret = SandboxDefaults.DepartmentSystemSecret(SystemDepartment),
                Scope = "onething_api",
            });
            Assert.False(token.IsError, token.ErrorDescription);
            client.SetBearerToken(token.AccessToken!);
        }
        else
        {
            await client.AuthorizeAsync(DemoUsers.GetValueOrDefault(roleOrUser, roleOrUser));
        }

        _clients[roleOrUser] = client;
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
