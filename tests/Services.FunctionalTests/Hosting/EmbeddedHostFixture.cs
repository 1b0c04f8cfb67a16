using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Hosting;

/// <summary>The embedded default in process: a SQLite file of its own and MassTransit's in-memory transport.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("onething-embedded-inproc-");

    public OneThingAppFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new OneThingAppFactory(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_data.FullName, "onething.db")}",
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        });
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
