using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OneThing.Host.Persistence;

namespace OneThing.UnitTests.Persistence;

/// <summary>
/// Each provider owns its migrations. Changing the model without adding a migration for every provider
/// fails here (add one with `dotnet ef migrations add Name --context {Provider}AppDbContext
/// --output-dir Persistence/Migrations/{Provider} --project src/Services.Host`).
/// </summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> Providers => new(DatabaseProvider.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_of_every_provider_match_the_model(string provider)
    {
        using var db = Create(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration captures; add a migration for {provider}.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_provider_has_the_same_migrations(string provider)
    {
        using var db = Create(provider);
        using var reference = Create(DatabaseProvider.Sqlite.Name);
        static IEnumerable<string> Names(DbContext context) => context.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(reference), Names(db));
    }

    [Fact]
    public void SQL_Server_migration_script_is_generated_without_a_server()
    {
        using var db = Create(DatabaseProvider.SqlServer.Name);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [OutboxMessages]", script);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("CREATE TABLE [OpenIddictTokens]", script);
        Assert.Contains("IF NOT EXISTS", script); // idempotent: safe to run on a partly migrated database

        // Kept with the test results so operators can review what a SQL Server installation runs.
        var output = Path.Combine(AppContext.BaseDirectory, "sqlserver-migrations.sql");
        File.WriteAllText(output, script);
        Assert.True(new FileInfo(output).Length > 1000);
    }

    private static AppDbContext Create(string providerName)
    {
        var provider = DatabaseProvider.Find(providerName)!;
        var factoryType = typeof(AppDbContext).Assembly.GetTypes().Single(t =>
            t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)
                && i.GenericTypeArguments[0] == provider.ContextType));
        var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
        return (AppDbContext)factoryType.GetMethod("CreateDbContext")!.Invoke(factory, [Array.Empty<string>()])!;
    }
}
