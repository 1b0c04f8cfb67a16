using Duende.IdentityModel.Client;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Sandbox;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// A host of its own over real Kestrel (so client addresses are real socket addresses) with low rate limits in
/// hour-long windows. It trusts X-Forwarded-For from loopback, as it would from a proxy in front of it, so a test
/// can speak as several client addresses; with <c>trustLoopbackProxy: false</c> it believes no forwarded header.
/// </summary>
public sealed class LimitedHost : IAsyncDisposable
{
    private readonly OneThingAppFactory _factory;
    private readonly Uri _address;
    private readonly List<HttpClient> _clients = [];

    private LimitedHost(OneThingAppFactory factory, Uri address)
    {
        _factory = factory;
        _address = address;
    }

    public static LimitedHost Start(PlatformFixture platform, IReadOnlyDictionary<string, string> limits, bool trustLoopbackProxy = true)
    {
        var settings = platform.Settings();
        settings["Identity:RequireHttps"] = "false";
        foreach (var limit in new[] { "Login", "Submission", "LicencePull", "Verification" })
        {
            settings[$"RateLimits:{limit}:Window"] = "01:00:00";
        }

        foreach (var (key, value) in limits)
        {
            settings[$"RateLimits:{key}"] = value;
        }

        if (trustLoopbackProxy)
        {
            settings["Hosting:KnownProxies:0"] = "127.0.0.1";
        }

        var port = HostProcess.FreeTcpPort();
        var factory = new OneThingAppFactory(settings);
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        factory.StartServer();
        return new LimitedHost(factory, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A client whose requests say, through the proxy header, that they come from <paramref name="clientAddress"/>.</summary>
    public HttpClient Client(string? clientAddress = null)
    {
        var client = new HttpClient { BaseAddress = _address };
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }

        _clients.Add(client);
        return client;
    }

    public static Task<TokenResponse> SignInAsync(HttpClient client, string userName, string password = SandboxDefaults.DemoPassword) =>
        client.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = "/connect/token",
            ClientId = SandboxDefaults.CliClientId,
            UserName = userName,
            Password = password,
            Scope = Tokens.ApiScopes,
        });

    /// <summary>A client from <paramref name="clientAddress"/> holding <paramref name="userName"/>'s token.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string clientAddress)
    {
        var client = Client(clientAddress);
        var token = await SignInAsync(client, userName);
        Assert.False(token.IsError, $"{token.Error}: {token.ErrorDescription}");
        client.SetBearerToken(token.AccessToken!);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }
}
