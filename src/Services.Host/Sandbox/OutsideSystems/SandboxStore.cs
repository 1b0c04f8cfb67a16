using OneThing.Host.Persistence;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// One request's way into the MAIN host's database: the sandbox server has its own service provider, so it
/// opens a scope of the host's provider per request and uses the host's <see cref="AppDbContext"/> from it.
/// </summary>
internal sealed class SandboxStore(IServiceScopeFactory hostScopes, TimeProvider time) : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = hostScopes.CreateAsyncScope();

    public AppDbContext Db => _scope.ServiceProvider.GetRequiredService<AppDbContext>();

    /// <summary>
    /// Now, to the microsecond: what PostgreSQL keeps, so a first answer and its repeat (read back) carry the same instant.
    /// </summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    /// <summary>Today in Beijing time, the date validity is judged by.</summary>
    public DateOnly Today => ChinaTime.Today(time);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
