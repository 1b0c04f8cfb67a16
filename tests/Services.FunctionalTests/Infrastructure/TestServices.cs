using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ of this test run are. The README's test command starts both on
/// loopback (infra/services.sh) and exports their addresses. Without those variables, on a developer
/// machine with a Docker engine, the same services are started in containers (Testcontainers); with
/// neither, the suite fails and says how to run it. It never falls back to stand-ins.
/// </summary>
public static class TestServices
{
    public const string PostgresVariable = "ONETHING_TEST_POSTGRES";
    public const string RabbitMqVariable = "ONETHING_TEST_RABBITMQ";

    private static readonly Lazy<Task<(string Postgres, string RabbitMq)>> Addresses = new(ResolveAsync);

    public static string PostgresServer => Resolved.Postgres;

    public static string RabbitMqUri => Resolved.RabbitMq;

    private static (string Postgres, string RabbitMq) Resolved =>
        Addresses.Value.IsCompletedSuccessfully ? Addresses.Value.Result : throw new InvalidOperationException("Call TestServices.EnsureAsync() first.");

    /// <summary>Finds (or, with Docker, starts) the services; every fixture that needs them awaits this first.</summary>
    public static Task EnsureAsync() => Addresses.Value;

    /// <summary>A connection string to a database of this name on the test server.</summary>
    public static string PostgresDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    /// <summary>Creates an empty database of this name on the test server.</summary>
    public static Task CreateDatabaseAsync(string database) => OnServerAsync($"CREATE DATABASE \"{database}\"");

    /// <summary>Drops a database, closing any connection still open to it.</summary>
    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task OnServerAsync(string sql)
    {
        await using var server = new NpgsqlConnection(PostgresDatabase("postgres"));
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string, string)> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbit))
        {
            return (postgres, rabbit);
        }

        try
        {
            var postgresContainer = new PostgreSqlBuilder("postgres:15").Build();
            var rabbitContainer = new RabbitMqBuilder("rabbitmq:3.13").Build();
            await Task.WhenAll(postgresContainer.StartAsync(), rabbitContainer.StartAsync());
            // The containers live as long as the test process; Testcontainers' reaper removes them after.
            return (postgresContainer.GetConnectionString(), rabbitContainer.GetConnectionString());
        }
        catch (Exception ex) when (ex.GetType().Name == "DockerUnavailableException")
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} and {RabbitMqVariable} are not set and no Docker engine is reachable. Run the suite with "
                + "./test.sh, which starts PostgreSQL and RabbitMQ on loopback, or `eval \"$(infra/services.sh start)\"` first.", ex);
        }
    }
}
