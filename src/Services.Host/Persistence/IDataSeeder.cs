namespace OneThing.Host.Persistence;

/// <summary>
/// Writes reference or demo data after migrations. Seeders run in <see cref="Order"/> and must be
/// idempotent: they run on every `migrate` and at every start of the embedded default.
/// </summary>
public interface IDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
