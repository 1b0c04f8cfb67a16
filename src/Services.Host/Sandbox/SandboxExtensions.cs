using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;

namespace OneThing.Host.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// The sandbox profile: demo accounts and demo clients (and, as later work lands, stand-ins for the
    /// licence library, department systems and the seal service). Off unless <see cref="HostProfile.Sandbox"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        if (!HostProfile.From(builder.Configuration).Sandbox)
        {
            return builder;
        }

        builder.Services.PostConfigure<IdentityServerOptions>(identity =>
        {
            var configured = identity.Clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
            identity.Clients.AddRange(SandboxDefaults.Clients().Where(c => !configured.Contains(c.ClientId)));
        });
        builder.Services.AddScoped<IDataSeeder, DemoUserSeeder>();
        return builder;
    }
}
