using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneThing.Integrations.Endpoints;
using OneThing.Workflows.Activities;

namespace OneThing.Integrations;

public static class IntegrationsExtensions
{
    /// <summary>
    /// Adapters to outside systems. Every typed <see cref="HttpClient"/> gets the standard resilience
    /// pipeline (timeouts, retries with jitter, circuit breaker) in this one place; retried POSTs are safe
    /// because every call carries an idempotency key. Each configured endpoint gets a named client.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrations(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        var section = builder.Configuration.GetSection(EndpointsOptions.Section);
        builder.Services.Configure<EndpointsOptions>(section);
        foreach (var endpoint in section.GetSection(nameof(EndpointsOptions.Endpoints)).GetChildren())
        {
            var settings = endpoint.Get<EndpointOptions>() ?? new EndpointOptions();
            builder.Services.AddHttpClient(CallEndpointActivity.ClientName(endpoint.Key), client =>
            {
                client.BaseAddress = settings.BaseUrl is { } url && !url.AbsoluteUri.EndsWith('/') ? new Uri(url.AbsoluteUri + "/") : settings.BaseUrl;
                client.Timeout = settings.Timeout;
            });
        }

        return builder;
    }

    /// <summary>The workflow activities that talk to outside systems.</summary>
    public static ActivityRegistry AddIntegrationActivities(this ActivityRegistry registry) => registry.Add<CallEndpointActivity>();
}
