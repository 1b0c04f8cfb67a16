using OneThing.Host.Persistence;

namespace OneThing.Host.Hosting;

/// <summary>
/// What kind of installation this is, derived from configuration once.
/// <list type="bullet">
/// <item><b>Embedded</b>: the SQLite default — migrates itself and may use development keys.</item>
/// <item><b>Sandbox</b>: demo users and clients, sandbox stand-ins for outside systems, the password grant.
/// On by default only when embedded; <c>Sandbox:Enabled</c> overrides (the test suite turns it on over PostgreSQL).</item>
/// </list>
/// </summary>
public sealed record HostProfile(bool Embedded, bool Sandbox)
{
    public static HostProfile From(IConfiguration configuration)
    {
        var provider = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        var embedded = provider is null || DatabaseProvider.Find(provider) == DatabaseProvider.Sqlite;
        var sandbox = configuration.GetValue<bool?>("Sandbox:Enabled") ?? embedded;
        return new HostProfile(embedded, sandbox);
    }
}
