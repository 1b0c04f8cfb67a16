using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OneThing.Host.Hosting.Hardening;
using Scalar.AspNetCore;

namespace OneThing.Host.Hosting;

public static class HostBasics
{
    /// <summary>How deep a request body may nest: no form or definition comes near it; deeper is an attack on the parser.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>Problem details, JSON, OpenAPI, health checks, logs, traces and metrics.</summary>
    public static IHostApplicationBuilder AddHostBasics(this IHostApplicationBuilder builder)
    {
        var hosting = builder.AddValidatedOptions<HostingOptions>(HostingOptions.Section);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Apply);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        // Binding failures (malformed JSON, wrong content type) throw, so the exception handler
        // answers them as problems instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            // Chinese text stays readable in responses instead of \uXXXX escapes.
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // {"a":1,"a":2} is ambiguous: reject it rather than silently keep the last value.
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.MaxDepth = MaxJsonDepth;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            kestrel => kestrel.Limits.MaxRequestBodySize = hosting.MaxRequestBodyBytes);

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in hosting.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.AddHardening();

        builder.AddApiReference();
        builder.AddObservability(hosting.ServiceName);
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseHostBasics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value is { } hosting
            && (hosting.KnownProxies.Count > 0 || hosting.KnownNetworks.Count > 0))
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Unknown routes, wrong methods and other bodiless errors get problem details too.
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseCors();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        return app;
    }

    public static WebApplication MapHostEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", options => options
            .WithTitle("OneThing API · 一件事一次办")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Everything from the host itself: the page's Content-Security-Policy allows no other origin.
            .DisableDefaultFonts())
            .AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/api-reference/v1")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>Tells the person who started the host where to look once it listens.</summary>
    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (var address in addresses ?? [])
            {
                var baseUrl = address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                    .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .Replace("://+", "://localhost", StringComparison.Ordinal)
                    .TrimEnd('/');
                app.Logger.LogInformation(
                    "OneThing is listening on {Address}. API reference: {ApiReference} · Health: {Health} · OpenAPI: {OpenApi}",
                    baseUrl, $"{baseUrl}/api-reference/v1", $"{baseUrl}/health/ready", $"{baseUrl}/openapi/v1.json");
            }
        });
    }
}
