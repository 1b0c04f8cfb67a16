using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneThing.Host.Persistence;
using OneThing.Host.Sandbox;
using Respawn;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// One host on real PostgreSQL and RabbitMQ for the functional tests: a fresh database for the run,
/// migrated by the host's own `migrate` command, and reset between tests (reference data — departments,
/// accounts, client registrations — is kept).
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _database = $"onething_test_{Guid.NewGuid():N}"[..30];
    private Respawner? _respawner;

    public TestCertificates Certificates { get; } = new();

    public OneThingAppFactory Factory { get; private set; } = null!;

    public string ConnectionString => TestServices.PostgresDatabase(_database);

    /// <summary>Settings of a Postgres + RabbitMQ sandbox installation; tests may start more hosts with them.</summary>
    public Dictionary<string, string?> Settings() => new(Certificates.Settings().Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = ConnectionString,
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMqUri"] = TestServices.RabbitMqUri,
        ["Messaging:OutboxPollInterval"] = "00:00:00.200",
        ["Workflows:TimerPollInterval"] = "00:00:00.200",
        ["Sandbox:Enabled"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        // The suite signs in and submits hundreds of times from one address within minutes: far beyond the real
        // limits, which the rate-limit tests check on hosts of their own.
        ["RateLimits:Login:PerUser"] = "1000000",
        ["RateLimits:Login:PerAddress"] = "1000000",
        ["RateLimits:Submission:PerUser"] = "1000000",
        ["RateLimits:Submission:PerAddress"] = "1000000",
        ["RateLimits:LicencePull:PerUser"] = "1000000",
        ["RateLimits:LicencePull:PerAddress"] = "1000000",
        ["RateLimits:Verification:PerUser"] = "1000000",
        ["RateLimits:Verification:PerAddress"] = "1000000",
    };

    public Dictionary<string, string> Environment() => Settings()
        .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? string.Empty);

    public async Task InitializeAsync()
    {
        await TestServices.EnsureAsync();
        await TestServices.CreateDatabaseAsync(_database);

        var (exitCode, output) = await HostProcess.RunAsync(["migrate"], Environment(), TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`migrate` failed with exit code {exitCode}:\n{output}");
        }

        Factory = new OneThingAppFactory(Settings());
        _ = Factory.Server; // start the host now, not inside the first test

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public", "sandbox"],
            TablesToIgnore =
            [
                "__EFMigrationsHistory", "Departments", "DataProtectionKeys", "WorkflowDefinitions",
                "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUserLogins", "AspNetUserTokens",
                "OpenIddictApplications", "OpenIddictScopes",
            ],
        });
    }

    /// <summary>
    /// Empties every table that tests write (cases, messages, tokens), keeping reference data, and puts the
    /// sandbox licence library back to its demo licences (tests issue, supersede and revoke licences).
    /// </summary>
    public async Task ResetAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                // The host may still be consuming the previous test's messages. A consumer's transaction holds its
                // inbox row while it calls the sandbox over HTTP, and the sandbox writes to tables the reset already
                // locked: a wait PostgreSQL cannot see as a deadlock. Give up quickly instead, and try again.
                await using (var command = new NpgsqlCommand("SET lock_timeout = '2s'", connection))
                {
                    await command.ExecuteNonQueryAsync();
                }

                await _respawner!.ResetAsync(connection);
                break;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected)
            {
                await Task.Delay(100 * attempt);
            }
        }

        await using var scope = CreateScope();
        await scope.ServiceProvider.GetServices<IDataSeeder>().OfType<DemoLicenceSeeder>().Single().SeedAsync(CancellationToken.None);
    }

    public AsyncServiceScope CreateScope() => Factory.Services.CreateAsyncScope();

    public AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestServices.DropDatabaseAsync(_database);

        Certificates.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
