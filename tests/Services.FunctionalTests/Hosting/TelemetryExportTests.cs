using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Hosting;

/// <summary>
/// With the standard OTEL_EXPORTER_OTLP_ENDPOINT set, the host ships traces, metrics and logs over
/// OTLP/HTTP — here to a collector stand-in on loopback that records what it receives.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_reach_the_configured_OTLP_endpoint()
    {
        var received = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        await using var collector = await StartCollectorAsync(received);
        var collectorUrl = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var data = new TempDirectory();
        var port = HostProcess.FreeTcpPort();
        await using var host = HostProcess.Start(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(data.Path, "onething.db")}",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collectorUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.HoldsAsync(async () =>
        {
            Assert.False(host.HasExited, host.Output);
            try
            {
                // Any API request makes a server span; an unauthenticated one is as good as another.
                return (await http.GetAsync("/api/v1/me")).StatusCode == System.Net.HttpStatusCode.Unauthorized;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the host answers", TimeSpan.FromSeconds(90));

        // OTLP protobuf carries strings as UTF-8: the resource names our service, the span our route,
        // the metric the ASP.NET Core instrumentation records, the log our host writes.
        bool Exported(string signal, params string[] texts) =>
            received.TryGetValue(signal, out var batches) && batches.Any(batch => texts.All(batch.Contains));
        await Eventually.HoldsAsync(
            () => Task.FromResult(
                Exported("/v1/traces", "onething-host", "/api/v1/me")
                && Exported("/v1/metrics", "onething-host", "http.server.request.duration")
                && Exported("/v1/logs", "onething-host")),
            "traces, metrics and logs are exported", TimeSpan.FromSeconds(30));
    }

    private static async Task<WebApplication> StartCollectorAsync(ConcurrentDictionary<string, ConcurrentQueue<string>> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.GetOrAdd($"/v1/{signal}", _ => new ConcurrentQueue<string>()).Enqueue(Encoding.UTF8.GetString(body.ToArray()));

            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }

    private sealed class TempDirectory : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("onething-otel-");

        public string Path => _directory.FullName;

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
