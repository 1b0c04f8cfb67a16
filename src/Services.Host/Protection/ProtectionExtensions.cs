using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneThing.Host.Hosting;

namespace OneThing.Host.Protection;

public static class ProtectionExtensions
{
    /// <summary>
    /// Field encryption at rest (section <c>Protection</c>): the key ring from <see cref="IFieldKeyProvider"/>
    /// (configuration unless an installation registers a KMS-backed one), the <see cref="FieldProtector"/> the
    /// database model converts through, the interceptor keeping lookup hashes current, <see cref="Reencryption"/>, and
    /// the encryption of ASP.NET Core's data-protection keys under the same ring (<see cref="FieldXmlEncryptor"/>).
    /// </summary>
    public static IHostApplicationBuilder AddFieldProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProtectionOptions.Section).Get<ProtectionOptions>() ?? new ProtectionOptions();
        var profile = HostProfile.From(builder.Configuration);
        builder.Services.TryAddSingleton<IFieldKeyProvider>(_ => new ConfigurationFieldKeyProvider(options, profile));
        builder.Services.AddSingleton(sp => new FieldProtector(sp.GetRequiredService<IFieldKeyProvider>().GetKeys()));
        builder.Services.AddSingleton<IInterceptor>(sp => new LookupHashInterceptor(sp.GetRequiredService<FieldProtector>()));
        builder.Services.AddScoped<Reencryption>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>, KeyRingXmlEncryptionSetup>();
        return builder;
    }

    /// <summary>
    /// Reads the key ring now, so a host without keys stops at start-up (exit 2, naming the setting) rather than
    /// at its first database access.
    /// </summary>
    public static WebApplication RequireFieldKeys(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<FieldProtector>();
        return app;
    }
}
