using Npgsql;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Hosting;

/// <summary>
/// Outside the embedded default, migrations are an explicit step: the `migrate` command (which the
/// platform fixture itself uses) brings a database up to date; a host on a database that lags refuses to start.
/// </summary>
public sealed class MigrateCommandTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Host_on_an_unmigrated_PostgreSQL_database_refuses_to_start_and_names_the_migrate_command()
    {
        var database = $"onething_empty_{Guid.NewGuid():N}"[..30];
        await TestServices.CreateDatabaseAsync(database);
        try
        {
            var environment = Platform.Environment();
            environment["Database__ConnectionString"] = TestServices.PostgresDatabase(database);
            var (exitCode, output) = await HostProcess.RunAsync(["--urls", $"http://127.0.0.1:{HostProcess.FreeTcpPort()}"], environment, TimeSpan.FromMinutes(1));
            Assert.Equal(2, exitCode);
            Assert.Contains("migrate", output);
            Assert.Contains("Initial", output);

            // The command the message names fixes it.
            var migrate = await HostProcess.RunAsync(["migrate"], environment, TimeSpan.FromMinutes(2));
            Assert.True(migrate.ExitCode == 0, migrate.Output);
            await using var migrated = new NpgsqlConnection(TestServices.PostgresDatabase(database));
            await migrated.OpenAsync();
            var departments = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"Departments\"", migrated).ExecuteScalarAsync())!;
            Assert.Equal(13, departments);
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }
}
