using Npgsql;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ of this test run are. The README's test command starts both on
/// loopback (infra/services.sh) and exports their addresses; the suite never falls back to stand-ins.
/// </summary>
public static class TestServices
{
    public const string PostgresVariable = "ONETHING_TEST_POSTGRES";
    public const string RabbitMqVariable = "ONETHING_TEST_RABBITMQ";

    public static string PostgresServer => Required(PostgresVariable);

    public static string RabbitMqUri => Required(RabbitMqVariable);

    /// <summary>A connection string to a database of this name on the test server.</summary>
    public static string PostgresDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the suite with ./test.sh, which starts PostgreSQL and RabbitMQ on loopback "
                + "and exports their addresses, or export them yourself (see infra/services.sh).");
}
