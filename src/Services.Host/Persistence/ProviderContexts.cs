using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneThing.Host.Protection;
using OneThing.Host.Sandbox.OutsideSystems;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Persistence;

// One sealed context per provider so each has its own migrations and model snapshot
// (EF Core's "multiple context types" approach to migrations with several providers).
// The design-time factories let `dotnet ef` build each model without starting the host;
// their connection strings are placeholders, never used to connect.

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, FieldProtector protector) : AppDbContext(options, protector)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.OnePublishedVersionPerDefinition("\"Status\"");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date/time type: EF stores DateTimeOffset as text, which cannot be compared or
        // ordered in SQL. Stored as a sortable integer instead (all our instants are UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, FieldProtector protector) : AppDbContext(options, protector)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.OnePublishedVersionPerDefinition("\"Status\"");
        builder.UseSandboxSchema();
    }
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, FieldProtector protector) : AppDbContext(options, protector)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.OnePublishedVersionPerDefinition("[Status]");
        builder.UseSandboxSchema();
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(DatabaseProvider.Sqlite.Configure(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=design-time.db").Options, FieldProtector.Development);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(DatabaseProvider.Postgres.Configure(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost;Database=design_time").Options, FieldProtector.Development);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(DatabaseProvider.SqlServer.Configure(new DbContextOptionsBuilder<SqlServerAppDbContext>(), "Server=localhost;Database=design_time;TrustServerCertificate=True").Options, FieldProtector.Development);
}
