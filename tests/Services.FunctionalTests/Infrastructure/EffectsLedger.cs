using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// An outside system on loopback that workflows call over real HTTP: it applies each effect once per
/// <c>Idempotency-Key</c> (as a well-behaved department system does) and counts every call, so tests can
/// tell a repeated call (harmless) from a repeated effect (a bug).
/// </summary>
public sealed class EffectsLedger : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Effect> _effects = new();
    private int _calls;

    private EffectsLedger(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>Every call, repeats included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Effects applied: one per distinct idempotency key.</summary>
    public IReadOnlyCollection<Effect> Effects => _effects.Values.ToList();

    public TimeSpan Latency { get; set; }

    public static async Task<EffectsLedger> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ledger = new EffectsLedger(app);
        app.MapPost("/effects/{**path}", async (HttpContext context) =>
        {
            Interlocked.Increment(ref ledger._calls);
            await Task.Delay(ledger.Latency);
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            if (key.Length == 0)
            {
                return Results.BadRequest();
            }

            var effect = new Effect(key, context.Request.Headers["X-OneThing-Instance"].ToString(), context.Request.Headers["X-OneThing-Node"].ToString());
            var applied = ledger._effects.TryAdd(key, effect);
            return Results.Ok(new { applied });
        });
        await app.StartAsync();
        return ledger;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record Effect(string Key, string Instance, string Node);
}
