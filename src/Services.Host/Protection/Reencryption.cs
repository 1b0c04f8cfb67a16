using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OneThing.Host.Persistence;

namespace OneThing.Host.Protection;

/// <summary>What <see cref="Reencryption"/> rewrote: rows per table.</summary>
public sealed record ReencryptionReport(IReadOnlyDictionary<string, int> RowsByTable)
{
    public int Rows => RowsByTable.Values.Sum();
}

/// <summary>
/// Rewrites every protected value (<see cref="PersonalDataColumns"/>, the workflow runtime's payloads and the
/// data-protection keys <see cref="FieldXmlEncryptor"/> encrypted) under
/// the active key, and recomputes every lookup hash: after a key rotation (then the old key can be dropped), after
/// a lookup-key change, and once after the <c>FieldEncryption</c> migration on a database that held plain values.
/// Pages through each table by primary key; safe while hosts run (a row changed meanwhile is retried).
/// </summary>
public sealed class Reencryption(AppDbContext db, ILogger<Reencryption> logger)
{
    public const int PageSize = 200;

    private static readonly MethodInfo RewriteMethod = typeof(Reencryption).GetMethod(nameof(RewriteAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task<ReencryptionReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var tables = PersonalDataColumns.ProtectedProperties(db.Model)
            .GroupBy(p => p.Entity)
            .Select(g => (Entity: g.Key, Properties: g.Select(p => p.Property.Name).ToList()));
        foreach (var (entity, properties) in tables)
        {
            var task = (Task<int>)RewriteMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [entity, properties, cancellationToken])!;
            var count = await task;
            rows[entity.GetTableName() ?? entity.Name] = count;
            logger.LogInformation("Re-encrypted {Rows} rows of {Table} under key {Key}.", count, entity.GetTableName(), db.Protector.ActiveKeyId);
        }

        rows["DataProtectionKeys"] = await RewriteDataProtectionKeysAsync(cancellationToken);
        return new ReencryptionReport(rows);
    }

    /// <summary>The data-protection master keys <see cref="FieldXmlEncryptor"/> encrypted under an older field key.</summary>
    private async Task<int> RewriteDataProtectionKeysAsync(CancellationToken cancellationToken)
    {
        var rewritten = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (row.Xml is null)
            {
                continue;
            }

            var xml = System.Xml.Linq.XElement.Parse(row.Xml);
            var values = xml.Descendants("encryptedKey").Select(e => e.Element("value")).OfType<System.Xml.Linq.XElement>()
                .Where(v => !db.Protector.IsCurrent(v.Value)).ToList();
            foreach (var value in values)
            {
                value.Value = db.Protector.Protect(db.Protector.Unprotect(value.Value, FieldXmlEncryptor.Purpose), FieldXmlEncryptor.Purpose);
            }

            if (values.Count > 0)
            {
                row.Xml = xml.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
                rewritten++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Re-encrypted {Rows} data-protection keys under key {Key}.", rewritten, db.Protector.ActiveKeyId);
        return rewritten;
    }

    private async Task<int> RewriteAsync<T>(IEntityType entity, List<string> properties, CancellationToken cancellationToken)
        where T : class
    {
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.Name).ToList();
        var total = 0;
        for (var page = 0; ; page++)
        {
            var query = (IOrderedQueryable<T>)db.Set<T>().OrderBy(e => EF.Property<object>(e, key[0]));
            foreach (var part in key.Skip(1))
            {
                query = query.ThenBy(e => EF.Property<object>(e, part));
            }

            for (var attempt = 1; ; attempt++)
            {
                var batch = await query.Skip(page * PageSize).Take(PageSize).ToListAsync(cancellationToken);
                foreach (var row in batch)
                {
                    var entry = db.Entry(row);
                    foreach (var property in properties)
                    {
                        entry.Property(property).IsModified = true;
                    }
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    total += batch.Count;
                    if (batch.Count < PageSize)
                    {
                        return total;
                    }

                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 5)
                {
                    // A host changed a row of this page meanwhile: read the page again.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
