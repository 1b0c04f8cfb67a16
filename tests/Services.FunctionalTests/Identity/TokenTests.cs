using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Sandbox;

namespace OneThing.FunctionalTests.Identity;

public sealed partial class TokenTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Password_grant_token_from_a_standard_client_opens_a_protected_endpoint()
    {
        using var client = Platform.Factory.CreateApiClient();
        var token = await Tokens.ForUserAsync(client, "zhangwei");
        Assert.False(token.IsError, token.ErrorDescription);
        Assert.NotNull(token.RefreshToken);

        client.SetBearerToken(token.AccessToken!);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("张伟", me.GetProperty("name").GetString());
        Assert.Equal(["applicant"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("371702", me.GetProperty("region").GetString());
        Assert.Equal(3, me.GetProperty("assuranceLevel").GetInt32());
    }

    [Fact]
    public async Task Password_grant_exists_only_in_the_sandbox_profile()
    {
        var settings = Platform.Settings();
        settings["Sandbox:Enabled"] = "false";
        settings["Documents:Enabled"] = "false"; // a production host would need real seal files
        // A real installation brings its own field-encryption keys (development keys are for the sandbox only).
        settings["Protection:Keys:dev1"] = Convert.ToBase64String(OneThing.Host.Protection.DevelopmentFieldKeys.Keys.Keys[OneThing.Host.Protection.DevelopmentFieldKeys.KeyId]);
        settings["Protection:ActiveKey"] = OneThing.Host.Protection.DevelopmentFieldKeys.KeyId;
        settings["Protection:LookupKey"] = Convert.ToBase64String(OneThing.Host.Protection.DevelopmentFieldKeys.Keys.LookupKey);
        await using var production = new OneThingAppFactory(settings);
        using var client = production.CreateApiClient();

        var discovery = await Tokens.DiscoverAsync(client);
        Assert.DoesNotContain(OidcConstants.GrantTypes.Password, discovery.GrantTypesSupported);
        Assert.Contains(OidcConstants.GrantTypes.ClientCredentials, discovery.GrantTypesSupported);

        var token = await Tokens.ForUserAsync(client, "zhangwei");
        Assert.Equal(OidcConstants.TokenErrors.UnsupportedGrantType, token.Error);
    }

    [Fact]
    public async Task Clerk_token_carries_department_and_region()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.police");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("police", me.GetProperty("department").GetString());
        Assert.Equal(["clerk"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Department_system_gets_a_token_with_client_credentials_and_a_wrong_secret_is_refused()
    {
        using var client = Platform.Factory.CreateApiClient();
        var discovery = await Tokens.DiscoverAsync(client);
        var token = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = SandboxDefaults.DepartmentSystemClientId("tax"),
            ClientSecret = SandboxDefaults.DepartmentSystemSecret("tax"),
            Scope = "onething_api",
        });
        Assert.False(token.IsError, token.ErrorDescription);

        client.SetBearerToken(token.AccessToken!);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("tax-system", me.GetProperty("subject").GetString());
        Assert.Equal("tax", me.GetProperty("department").GetString());
        Assert.Equal(["department-system"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var wrong = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = SandboxDefaults.DepartmentSystemClientId("tax"),
            ClientSecret = "not-the-secret",
        });
        // RFC 6749 §5.2: a failed client authentication may answer 401; the error code is in the body.
        Assert.True(wrong.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.HttpStatusCode);
        Assert.Equal(OidcConstants.TokenErrors.InvalidClient, JsonDocument.Parse(wrong.Raw!).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_signs_in_through_the_login_page()
    {
        using var client = Platform.Factory.CreateApiClient();
        var discovery = await Tokens.DiscoverAsync(client);
        var verifier = CryptoRandom.CreateUniqueId(48);
        var challenge = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        const string redirectUri = "https://localhost/callback";
        var state = CryptoRandom.CreateUniqueId(16);

        var authorizeUrl = new RequestUrl(discovery.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId: SandboxDefaults.PortalClientId,
            responseType: OidcConstants.ResponseTypes.Code,
            scope: Tokens.ApiScopes,
            redirectUri: redirectUri,
            state: state,
            codeChallenge: challenge,
            codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);

        // Not signed in: the authorize endpoint sends the browser to the login page.
        var toLogin = await client.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.Equal("/account/login", toLogin.Headers.Location!.AbsolutePath);

        var loginPage = await client.GetAsync(toLogin.Headers.Location);
        var html = await loginPage.Content.ReadAsStringAsync();
        Assert.Contains("统一身份认证", html);
        var returnUrl = WebUtility.HtmlDecode(HiddenField("returnUrl").Match(html).Groups[1].Value);
        var antiforgery = AntiforgeryField().Match(html);

        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = returnUrl,
            ["userName"] = "lina",
            ["password"] = SandboxDefaults.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // Signed in: back at the authorize endpoint, which redirects to the client with a code.
        var toClient = await client.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = new AuthorizeResponse(toClient.Headers.Location!.ToString());
        Assert.Equal(state, callback.State);
        Assert.False(string.IsNullOrEmpty(callback.Code));

        var wrongVerifier = await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = SandboxDefaults.PortalClientId,
            Code = callback.Code,
            RedirectUri = redirectUri,
            CodeVerifier = CryptoRandom.CreateUniqueId(48),
        });
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, wrongVerifier.Error);

        // The code was spent by the failed attempt (codes are single use), so authorize again, now signed in.
        var again = await client.GetAsync(authorizeUrl);
        var code = new AuthorizeResponse(again.Headers.Location!.ToString()).Code;
        var token = await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = SandboxDefaults.PortalClientId,
            Code = code!,
            RedirectUri = redirectUri,
            CodeVerifier = verifier,
        });
        Assert.False(token.IsError, token.ErrorDescription);
        Assert.NotNull(token.IdentityToken);

        using var api = Platform.Factory.CreateApiClient();
        api.SetBearerToken(token.AccessToken!);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("李娜", me.GetProperty("name").GetString());

        // The refresh token issues a new access token that also works.
        var refreshed = await client.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = SandboxDefaults.PortalClientId,
            RefreshToken = token.RefreshToken!,
        });
        Assert.False(refreshed.IsError, refreshed.ErrorDescription);
        api.SetBearerToken(refreshed.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Missing_or_forged_token_gets_401_problem_details()
    {
        using var client = Platform.Factory.CreateApiClient();
        var missing = await client.GetAsync("/api/v1/me");
        await AssertUnauthorizedProblemAsync(missing);

        // Same claims a real token has, signed with a key the server never issued.
        var forgedKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forged" };
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://localhost/",
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity([new Claim("sub", "someone"), new Claim("role", "admin"), new Claim("scope", "onething_api")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(forgedKey, SecurityAlgorithms.RsaSha256),
        });
        client.SetBearerToken(forged);
        await AssertUnauthorizedProblemAsync(await client.GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        using var client = Platform.Factory.CreateApiClient();
        var wrong = await Tokens.ForUserAsync(client, "head.tax", "wrong-password");
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, wrong.Error);

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await Tokens.ForUserAsync(client, "head.tax", "wrong-password");
        }

        // Locked now: even the right password is refused until the lockout ends.
        var locked = await Tokens.ForUserAsync(client, "head.tax");
        Assert.Equal(OidcConstants.TokenErrors.InvalidGrant, locked.Error);
        Assert.Contains("locked", locked.ErrorDescription, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.Equal("需要登录后才能访问", problem.GetProperty("titleZh").GetString());
    }

    private static Regex HiddenField(string name) => new($"name=\"{name}\" value=\"([^\"]*)\"");

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
