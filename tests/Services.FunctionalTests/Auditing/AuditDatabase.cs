using Npgsql;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Auditing;

/// <summary>Raw SQL on the test database: what an intruder with database access could do to the trail.</summary>
internal static class AuditDatabase
{
    public static async Task<T> ScalarAsync<T>(PlatformFixture platform, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<int> ExecuteAsync(PlatformFixture platform, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public static Task<string> UserIdAsync(PlatformFixture platform, string userName) =>
        ScalarAsync<string>(platform, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = @name", ("name", userName));
}
