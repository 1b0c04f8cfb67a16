using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Sandbox.OutsideSystems;

namespace OneThing.Host.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// The sandbox profile: demo accounts and demo clients, and stand-ins for outside systems — the licence
    /// library (with demo e-licences) and the SMS gateway on their own HTTP server (<see cref="SandboxServer"/>);
    /// department systems and the seal service as later work lands. Off unless <see cref="HostProfile.Sandbox"/>.
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
        builder.Services.AddScoped<IDataSeeder, DemoLicenceSeeder>();
        builder.Services.AddSingleton<SandboxServer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SandboxServer>());
        return builder;
    }
}
