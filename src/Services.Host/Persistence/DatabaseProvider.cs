using Microsoft.EntityFrameworkCore;

namespace OneThing.Host.Persistence;

/// <summary>The database engines OneThing supports, and how each is wired into EF Core.</summary>
public sealed class DatabaseProvider
{
    public static readonly DatabaseProvider Sqlite = new("Sqlite", typeof(SqliteAppDbContext),
        (options, connection) => options.UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory")));

    public static readonly DatabaseProvider Postgres = new("Postgres", typeof(PostgresAppDbContext),
        (options, connection) => options.UseNpgsql(connection));

    public static readonly DatabaseProvider SqlServer = new("SqlServer", typeof(SqlServerAppDbContext),
        (options, connection) => options.UseSqlServer(connection, sql => sql.EnableRetryOnFailure()));

    public static readonly IReadOnlyList<DatabaseProvider> All = [Sqlite, Postgres, SqlServer];

    private readonly Action<DbContextOptionsBuilder, string> _configure;

    private DatabaseProvider(string name, Type contextType, Action<DbContextOptionsBuilder, string> configure)
    {
        Name = name;
        ContextType = contextType;
        _configure = configure;
    }

    public string Name { get; }

    /// <summary>The provider's own <see cref="AppDbContext"/> subclass, which owns its migrations.</summary>
    public Type ContextType { get; }

    public static DatabaseProvider? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public TBuilder Configure<TBuilder>(TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        _configure(options, connectionString);
        // The model holds the field-encryption converters of its context's protector: one model per protector.
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Protection.ProtectedModelCacheKeyFactory>();
        return options;
    }

    public override string ToString() => Name;
}
