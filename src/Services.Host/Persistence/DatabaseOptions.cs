using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Persistence;

/// <summary>Section <c>Database</c>: which engine and where. The embedded default is a SQLite file.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/onething.db";

    public DatabaseProvider ResolvedProvider => DatabaseProvider.Find(Provider)
        ?? throw new InvalidOperationException($"Unknown database provider '{Provider}'.");

    /// <summary>The embedded default: one SQLite file, migrated automatically at start-up.</summary>
    public bool IsEmbedded => ResolvedProvider == DatabaseProvider.Sqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DatabaseProvider.Find(Provider) is null)
        {
            yield return new ValidationResult(
                $"'{Provider}' is not a supported database provider; use one of {string.Join(", ", DatabaseProvider.All)}.",
                [nameof(Provider)]);
        }
    }
}
