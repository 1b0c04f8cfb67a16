using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OneThing.Integrations.Endpoints;
using OneThing.Integrations.Exchanges;
using OneThing.Integrations.Licences;
using OneThing.Integrations.OutsideSystems;
using OneThing.Integrations.Sms;
using OneThing.Workflows.Activities;

namespace OneThing.Integrations;

public static class IntegrationsExtensions
{
    /// <summary>
    /// Adapters to outside systems. Every typed <see cref="HttpClient"/> gets the standard resilience
    /// pipeline (timeouts, retries with jitter, circuit breaker) and the <see cref="ExchangeAuditHandler"/> in this one place; retried POSTs are safe
    /// because every call carries an idempotency key. Each configured endpoint gets a named client.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrations(this IHostApplicationBuilder builder)
    {
        // Every client also reports each exchange (each attempt, being inside the resilience pipeline) to the audit trail.
        builder.Services.TryAddSingleton<IExchangeRecorder, NoExchangeRecorder>();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddHttpMessageHandler(sp => new ExchangeAuditHandler(sp.GetRequiredService<IExchangeRecorder>()));
        });
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

        return builder.AddOutsideSystems();
    }

    /// <summary>
    /// The typed clients of the outside systems (<see cref="ILicenceLibrary"/>, <see cref="ISmsSender"/>). Their
    /// addresses come from <c>Integrations:LicenceLibrary:BaseUrl</c> and <c>Integrations:Sms:BaseUrl</c> through
    /// <see cref="IOutsideSystemAddresses"/>, read at call time so the sandbox can offer its own server's address
    /// once it listens; a configured address always wins.
    /// </summary>
    public static IHostApplicationBuilder AddOutsideSystems(this IHostApplicationBuilder builder)
    {
        foreach (var system in OutsideSystem.All)
        {
            builder.Services.AddOptions<OutsideSystemOptions>(system.Key)
                .Bind(builder.Configuration.GetSection($"{OutsideSystemOptions.Section}:{system.Key}"))
                .Validate(o => o.BaseUrl is null || (o.BaseUrl.IsAbsoluteUri && (o.BaseUrl.Scheme == Uri.UriSchemeHttp || o.BaseUrl.Scheme == Uri.UriSchemeHttps)),
                    $"{OutsideSystemOptions.Section}:{system.Key}:BaseUrl must be an absolute http or https URL.")
                .ValidateOnStart();
        }

        builder.Services.TryAddSingleton<OutsideSystemAddresses>();
        builder.Services.TryAddSingleton<IOutsideSystemAddresses>(sp => sp.GetRequiredService<OutsideSystemAddresses>());
        builder.Services.AddHttpClient<ILicenceLibrary, LicenceLibraryClient>();
        builder.Services.AddHttpClient<ISmsSender, SmsGatewayClient>();
        return builder;
    }

    /// <summary>The workflow activities that talk to outside systems.</summary>
    public static ActivityRegistry AddIntegrationActivities(this ActivityRegistry registry) => registry.Add<CallEndpointActivity>();
}
