using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Messaging;

namespace OneThing.Workflows.Runtime;

/// <summary>
/// Versions of definitions: drafts are edited, one version per definition is published at a time,
/// publishing retires the previous one (its running instances stay on it), retired versions can be
/// reverted into a new draft. Parsed versions are cached: a stored version never changes once published.
/// </summary>
public sealed class DefinitionStore(DbContextAccessor accessor, DefinitionValidator validator, DefinitionCache cache, TimeProvider time, ILogger<DefinitionStore> logger)
{
    private DbContext Db => accessor.Context;

    private DbSet<WorkflowDefinitionRecord> Records => Db.Set<WorkflowDefinitionRecord>();

    public async Task<WorkflowDefinition?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var version = await Records.Where(r => r.DefinitionId == definitionId && r.Status == DefinitionStatus.Published)
            .Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : await GetAsync(definitionId, version.Value, cancellationToken);
    }

    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(definitionId, version, out var cached))
        {
            return cached;
        }

        var record = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.Version == version, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var definition = WorkflowJson.Parse(record.Json);
        if (record.Status != DefinitionStatus.Draft)
        {
            cache.Add(definition);
        }

        return definition;
    }

    public Task<List<WorkflowDefinitionRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Records.AsNoTracking().OrderBy(r => r.DefinitionId).ThenBy(r => r.Version).ToListAsync(cancellationToken);

    /// <summary>The published version of every definition, without their JSON (the parsed definitions come from the cache).</summary>
    public Task<List<(string DefinitionId, int Version)>> PublishedVersionsAsync(CancellationToken cancellationToken = default) =>
        Records.AsNoTracking().Where(r => r.Status == DefinitionStatus.Published).OrderBy(r => r.DefinitionId)
            .Select(r => new ValueTuple<string, int>(r.DefinitionId, r.Version)).ToListAsync(cancellationToken);

    public Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        Records.SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.Version == version, cancellationToken);

    /// <summary>Stores <paramref name="definition"/> as a new draft with the next free version number.</summary>
    public async Task<WorkflowDefinitionRecord> CreateDraftAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken = default)
    {
        var next = (await Records.Where(r => r.DefinitionId == definition.Id).MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0) + 1;
        var record = NewRecord(definition with { Version = next }, DefinitionStatus.Draft, actor);
        Records.Add(record);
        await Db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Replaces a draft's content; published and retired versions never change.</summary>
    public async Task<WorkflowDefinitionRecord> UpdateDraftAsync(WorkflowDefinitionRecord record, WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        if (record.Status != DefinitionStatus.Draft)
        {
            throw new DefinitionStateException($"Version {record.Version} of '{record.DefinitionId}' is {record.Status}; only drafts can be edited.");
        }

        var updated = definition with { Id = record.DefinitionId, Version = record.Version };
        record.Json = WorkflowJson.Write(updated);
        record.Name = updated.Name;
        record.Revision++;
        await Db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Publishes a version after validating it; the previously published version is retired.</summary>
    public async Task<WorkflowDefinitionRecord> PublishAsync(WorkflowDefinitionRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Status == DefinitionStatus.Published)
        {
            return record;
        }

        if (record.Status == DefinitionStatus.Retired)
        {
            throw new DefinitionStateException($"Version {record.Version} of '{record.DefinitionId}' is retired; revert it into a new draft to publish it again.");
        }

        var definition = WorkflowJson.Parse(record.Json);
        var errors = validator.Validate(definition);
        if (errors.Count > 0)
        {
            throw new DefinitionInvalidException(errors);
        }

        // Retire, then publish, as two statements in one transaction: the database allows one published
        // version per definition at any moment, and a concurrent publisher loses on that index.
        var now = time.GetUtcNow();
        await Db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = Db.Database.CurrentTransaction is null ? await Db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var previous in await Records.Where(r => r.DefinitionId == record.DefinitionId && r.Status == DefinitionStatus.Published).ToListAsync(cancellationToken))
            {
                previous.Status = DefinitionStatus.Retired;
                previous.RetiredAt = now;
                previous.Revision++;
            }

            await Db.SaveChangesAsync(cancellationToken);
            record.Status = DefinitionStatus.Published;
            record.PublishedAt = now;
            record.RetiredAt = null;
            record.Revision++;
            await Db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        });
        cache.Add(definition);
        return record;
    }

    /// <summary>Stops new instances of a version; running ones continue on it.</summary>
    public async Task<WorkflowDefinitionRecord> RetireAsync(WorkflowDefinitionRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Status == DefinitionStatus.Draft)
        {
            throw new DefinitionStateException("A draft is not in use; delete or publish it instead of retiring it.");
        }

        record.Status = DefinitionStatus.Retired;
        record.RetiredAt = time.GetUtcNow();
        record.Revision++;
        await Db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>A new draft (next version) with the content of an older version.</summary>
    public async Task<WorkflowDefinitionRecord> RevertAsync(WorkflowDefinitionRecord from, string actor, CancellationToken cancellationToken = default) =>
        await CreateDraftAsync(WorkflowJson.Parse(from.Json), actor, cancellationToken);

    /// <summary>
    /// Loads every <c>*.json</c> in <paramref name="folder"/>: a version not stored yet is stored and published;
    /// a file that does not parse or validate is logged and skipped, and the rest still load.
    /// </summary>
    public async Task<int> LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Workflow folder {Folder} does not exist; no definitions loaded from files.", folder);
            return 0;
        }

        var loaded = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            WorkflowDefinition definition;
            try
            {
                definition = WorkflowJson.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            }
            catch (JsonException ex)
            {
                logger.LogError("Skipped workflow file {File}: not a valid definition ({Reason}).", Path.GetFileName(file), ex.Message);
                continue;
            }

            var errors = validator.Validate(definition);
            if (errors.Count > 0)
            {
                logger.LogError("Skipped workflow file {File}: {Errors}", Path.GetFileName(file),
                    string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Message}")));
                continue;
            }

            var stored = await FindAsync(definition.Id, definition.Version, cancellationToken);
            var newest = await Records.Where(r => r.DefinitionId == definition.Id).MaxAsync(r => (int?)r.Version, cancellationToken);
            if (stored is null && newest > definition.Version)
            {
                logger.LogWarning("{File} holds version {Version} of {DefinitionId}, older than the stored version {Newest}; not published.",
                    Path.GetFileName(file), definition.Version, definition.Id, newest);
            }
            else if (stored is null)
            {
                var record = NewRecord(definition, DefinitionStatus.Draft, "system:files");
                Records.Add(record);
                await Db.SaveChangesAsync(cancellationToken);
                await PublishAsync(record, cancellationToken);
                logger.LogInformation("Published {DefinitionId} v{Version} from {File}.", definition.Id, definition.Version, Path.GetFileName(file));
                loaded++;
            }
            else if (stored.Json != WorkflowJson.Write(definition))
            {
                logger.LogWarning(
                    "{File} changed but version {Version} of {DefinitionId} is already stored; give the file a new version to publish the change.",
                    Path.GetFileName(file), definition.Version, definition.Id);
            }
        }

        return loaded;
    }

    private WorkflowDefinitionRecord NewRecord(WorkflowDefinition definition, DefinitionStatus status, string actor) => new()
    {
        Id = Guid.CreateVersion7(),
        DefinitionId = definition.Id,
        Version = definition.Version,
        Status = status,
        Name = definition.Name,
        Json = WorkflowJson.Write(definition),
        CreatedAt = time.GetUtcNow(),
        CreatedBy = actor,
    };
}

/// <summary>Parsed, immutable (published or retired) definition versions, shared by all scopes.</summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _definitions = new();

    public bool TryGet(string id, int version, out WorkflowDefinition definition) => _definitions.TryGetValue((id, version), out definition!);

    public void Add(WorkflowDefinition definition) => _definitions.TryAdd((definition.Id, definition.Version), definition);
}

public sealed class DefinitionInvalidException(IReadOnlyList<DefinitionError> errors)
    : Exception($"The definition has {errors.Count} problem(s): {string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Message}"))}")
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

public sealed class DefinitionStateException(string message) : Exception(message);
