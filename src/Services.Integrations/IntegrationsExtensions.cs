using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OneThing.Integrations;

public static class IntegrationsExtensions
{
    /// <summary>
    /// Adapters to outside systems. Every typed <see cref="HttpClient"/> gets the standard resilience
    /// pipeline (timeouts, retries with jitter, circuit breaker) in this one place.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrations(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }
}
