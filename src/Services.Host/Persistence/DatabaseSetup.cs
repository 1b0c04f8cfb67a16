using Microsoft.EntityFrameworkCore;
using OneThing.Host.Hosting;

namespace OneThing.Host.Persistence;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations and runs the seeders: the `migrate` command.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}",
            pending.Count, db.Database.ProviderName, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer and vice versa; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// On the embedded default the database is migrated and seeded here; anywhere else migrations are an
    /// explicit step, and a host pointed at a database that lags its model refuses to start.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.IsEmbedded)
        {
            await MigrateAndSeedAsync(app.Services, app.Lifetime.ApplicationStopping);
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            throw new StartupCheckException(
                $"The {options.Provider} database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). "
                + "Run `dotnet Services.Host.dll migrate` with the same settings first; only the embedded SQLite default migrates itself.");
        }
    }
}
