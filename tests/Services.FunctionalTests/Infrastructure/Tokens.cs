using Duende.IdentityModel.Client;
using OneThing.Host.Sandbox;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>Obtains tokens the way client applications do, with the standard IdentityModel client library.</summary>
public static class Tokens
{
    public const string ApiScopes = "openid profile roles onething_api offline_access";

    public static async Task<DiscoveryDocumentResponse> DiscoverAsync(HttpClient client)
    {
        var discovery = await client.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = client.BaseAddress!.ToString(),
            Policy = { RequireHttps = client.BaseAddress.Scheme == Uri.UriSchemeHttps },
        });
        Assert.False(discovery.IsError, discovery.Error);
        return discovery;
    }

    /// <summary>A demo user's token through the sandbox password grant.</summary>
    public static async Task<TokenResponse> ForUserAsync(HttpClient client, string userName, string password = SandboxDefaults.DemoPassword)
    {
        var discovery = await DiscoverAsync(client);
        return await client.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = SandboxDefaults.CliClientId,
            UserName = userName,
            Password = password,
            Scope = ApiScopes,
        });
    }

    public static async Task<HttpClient> AuthorizeAsync(this HttpClient client, string userName)
    {
        var token = await ForUserAsync(client, userName);
        Assert.False(token.IsError, $"{token.Error}: {token.ErrorDescription}");
        client.SetBearerToken(token.AccessToken!);
        return client;
    }
}
