using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneThing.Host.Protection;

/// <summary>
/// Keeps every lookup-hash column (<see cref="PersonalDataColumns.HashOfAnnotation"/>) equal to the hash of the
/// identifier beside it, on every save, so no write site can forget it.
/// </summary>
public sealed class LookupHashInterceptor(FieldProtector protector) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Update(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Update(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Update(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Metadata.GetProperties())
            {
                if (property.FindAnnotation(PersonalDataColumns.HashOfAnnotation)?.Value is string source)
                {
                    var hash = protector.HashOrNull(entry.Property(source).CurrentValue as string);
                    var current = entry.Property(property.Name);
                    if (!string.Equals(current.CurrentValue as string, hash, StringComparison.Ordinal))
                    {
                        current.CurrentValue = hash;
                    }
                }
            }
        }
    }
}
