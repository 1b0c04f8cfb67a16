using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneThing.Host.Hosting;

namespace OneThing.Host.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider and the database readiness check.
    /// </summary>
    public static DatabaseOptions AddPersistence(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        var provider = options.ResolvedProvider;
        var connectionString = provider == DatabaseProvider.Sqlite
            ? AnchorSqliteFile(options.ConnectionString, builder.Environment.ContentRootPath)
            : options.ConnectionString;

        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => provider.Configure(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => provider.Configure(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext, SqlServerAppDbContext>((sp, o) => provider.Configure(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }

        // Keys that protect cookies and antiforgery tokens live in the shared database, so any node can
        // read what another node wrote; they are stored encrypted under the field key ring (Protection/KeyRingXmlEncryption.cs).
        builder.Services.AddDataProtection().SetApplicationName("OneThing").PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddSingleton(options);
        return options;
    }

    /// <summary>
    /// A relative SQLite path is taken from the content root, not from wherever the process was started,
    /// and its folder is created, so `dotnet run` from any directory finds the same file.
    /// </summary>
    private static string AnchorSqliteFile(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.DataSource is { Length: > 0 } path && path != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(path, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            sqlite.DataSource = full;
        }

        return sqlite.ToString();
    }
}
