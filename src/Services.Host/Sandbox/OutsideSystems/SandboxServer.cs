using Microsoft.Extensions.DependencyInjection.Extensions;
using OneThing.Host.Hosting;
using OneThing.Integrations.OutsideSystems;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// DEVELOPMENT ONLY: the sandbox's stand-ins for outside systems — the licence library and the SMS gateway —
/// served by a separate small Kestrel server on <c>Sandbox:OutsideSystemsUrl</c> (default
/// <c>http://127.0.0.1:0</c>, a free port). The adapters reach it over real HTTP, exactly as they reach the
/// real systems, also when the host itself runs in a test server. It keeps its data in the host's database
/// through a scope of the host's services, offers its address to <see cref="OutsideSystemAddresses"/> once it
/// listens (a configured <c>Integrations:{system}:BaseUrl</c> wins), and stops with the host.
/// </summary>
internal sealed partial class SandboxServer(
    IConfiguration configuration,
    IServiceScopeFactory hostScopes,
    OutsideSystemAddresses addresses,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<SandboxServer> logger) : IHostedService, IAsyncDisposable
{
    public const string UrlSetting = "Sandbox:OutsideSystemsUrl";
    public const string DefaultUrl = "http://127.0.0.1:0";

    private WebApplication? _app;

    /// <summary>Where the server listens once started, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = configuration[UrlSetting] is { Length: > 0 } configured ? configured : DefaultUrl;

        // An empty builder: none of the host's configuration (URLs, Kestrel endpoints, authentication) applies here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, FollowsTheHost>();
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.ConfigureHttpJsonOptions(json => OutsideSystemJson.Apply(json.SerializerOptions));
        builder.Services.AddScoped(_ => new SandboxStore(hostScopes, time));
        builder.Services.AddScoped<SandboxLicenceLibrary>();

        var app = builder.Build();
        app.Use(AnswerProblems);
        app.MapSandboxLicenceLibrary();
        app.MapSandboxSmsGateway();
        await app.StartAsync(cancellationToken);
        _app = app;

        // A wildcard binding (0.0.0.0, [::], +, *) is not an address to call: the adapters call it on loopback.
        var listening = app.Urls.First()
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
        Address = new Uri(listening + "/");
        foreach (var (system, prefix) in new[] { (OutsideSystem.LicenceLibrary, LicenceLibraryApi.Prefix), (OutsideSystem.Sms, SmsGatewayApi.Prefix) })
        {
            var baseAddress = new Uri(Address, prefix.TrimStart('/') + "/");
            if (addresses.Offer(system, baseAddress))
            {
                LogServing(system.ToString(), baseAddress);
            }
            else
            {
                LogConfiguredElsewhere(system.ToString(), baseAddress, addresses.Find(system));
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Refusals thrown by the handlers (<see cref="ProblemException"/>) become their problem answers.</summary>
    private static async Task AnswerProblems(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (ProblemException problem) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await TypedResults.Problem(problem.Kind.Create(problem.Message, problem.DetailZh, problem.Errors)).ExecuteAsync(context);
        }
    }

    /// <summary>The host owns Ctrl+C and SIGTERM and stops this server itself; the default console lifetime would hook them again.</summary>
    private sealed class FollowsTheHost : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox {System} listens on {Address}")]
    private partial void LogServing(string system, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox {System} listens on {Address}, but the adapter uses the configured {Configured}")]
    private partial void LogConfiguredElsewhere(string system, Uri address, Uri? configured);
}
