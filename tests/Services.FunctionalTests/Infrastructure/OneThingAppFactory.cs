using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// The real host, in process, configured by <paramref name="settings"/> (read at start-up exactly like
/// environment variables or appsettings would be).
/// </summary>
public sealed class OneThingAppFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>HTTPS base address: the OpenID server rejects plain HTTP outside the embedded default.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    public HttpClient CreateApiClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
