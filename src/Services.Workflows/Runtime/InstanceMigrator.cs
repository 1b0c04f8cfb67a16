using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Execution;
using OneThing.Workflows.Messaging;

namespace OneThing.Workflows.Runtime;

/// <summary>
/// Moves running instances from one version of a definition to another with an explicit mapping of
/// activity ids. Every activity an instance is waiting in (or has arrived at, or may compensate) must be
/// mapped to an activity of the same type in the target version; otherwise that instance stays where it
/// is and the report says why. A dry run reports the same without changing anything.
/// </summary>
public sealed class InstanceMigrator(DbContextAccessor accessor, DefinitionStore definitions, TimeProvider time)
{
    public async Task<IReadOnlyList<MigrationReport>> MigrateAsync(MigrationRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var db = accessor.Context;
        var from = await definitions.GetAsync(request.DefinitionId, request.FromVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Version {request.FromVersion} of '{request.DefinitionId}' does not exist.");
        var to = await definitions.GetAsync(request.DefinitionId, request.ToVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Version {request.ToVersion} of '{request.DefinitionId}' does not exist.");
        var toRecord = await definitions.FindAsync(request.DefinitionId, request.ToVersion, cancellationToken);
        if (toRecord?.Status == DefinitionStatus.Draft)
        {
            throw new DefinitionStateException("Instances can only move to a published or retired version, not a draft.");
        }

        var query = db.Set<WorkflowInstance>().Where(i => i.DefinitionId == request.DefinitionId && i.DefinitionVersion == request.FromVersion
            && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Faulted || i.Status == InstanceStatus.Pending));
        if (request.InstanceIds is { Count: > 0 } only)
        {
            query = query.Where(i => only.Contains(i.Id));
        }

        var reports = new List<MigrationReport>();
        foreach (var instance in await query.OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken))
        {
            var state = WorkflowRuntime.Read(instance);
            var problems = Check(state, from, to, request.Mapping);
            var moves = state.Waiting.Select(w => $"{w.ActivityId}→{Map(w.ActivityId, request.Mapping)}").Distinct().ToList();
            if (problems.Count > 0)
            {
                reports.Add(new MigrationReport(instance.Id, false, moves, problems));
                continue;
            }

            if (!request.DryRun)
            {
                Apply(state, request.Mapping);
                instance.State = JsonSerializer.Serialize(state, WorkflowRuntime.StateJson);
                instance.DefinitionVersion = request.ToVersion;
                instance.Revision++;
                instance.UpdatedAt = time.GetUtcNow();
                await RenameRowsAsync(db, instance.Id, request.Mapping, cancellationToken);
                db.Add(new WorkflowJournalEntry
                {
                    InstanceId = instance.Id,
                    At = time.GetUtcNow(),
                    Event = "Migrated",
                    Actor = actor,
                    Summary = $"v{request.FromVersion} → v{request.ToVersion}: {string.Join(", ", moves)}",
                });
            }

            reports.Add(new MigrationReport(instance.Id, true, moves, []));
        }

        if (!request.DryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return reports;
    }

    private static List<string> Check(InstanceState state, WorkflowDefinition from, WorkflowDefinition to, IReadOnlyDictionary<string, string> mapping)
    {
        var problems = new List<string>();
        var used = state.Waiting.Select(w => w.ActivityId)
            .Concat(state.Joins.Keys.Select(k => k[..k.IndexOf('|')]))
            .Concat(state.Joins.Values.SelectMany(arrived => arrived))
            .Concat(state.Compensable.SelectMany(c => new[] { c.ActivityId, c.CompensateWith }))
            .Distinct();
        foreach (var activityId in used)
        {
            var target = Map(activityId, mapping);
            var source = from.FindActivity(activityId);
            var destination = to.FindActivity(target);
            if (destination is null)
            {
                problems.Add(mapping.ContainsKey(activityId)
                    ? $"'{activityId}' is mapped to '{target}', which version {to.Version} does not have."
                    : $"'{activityId}' is in use and version {to.Version} has no activity with that id; map it.");
            }
            else if (source is not null && source.Type != destination.Type)
            {
                problems.Add($"'{activityId}' ({source.Type}) cannot become '{target}' ({destination.Type}).");
            }
        }

        return problems;
    }

    private static void Apply(InstanceState state, IReadOnlyDictionary<string, string> mapping)
    {
        foreach (var waiting in state.Waiting)
        {
            waiting.ActivityId = Map(waiting.ActivityId, mapping);
        }

        state.Joins = state.Joins.ToDictionary(
            pair => Map(pair.Key[..pair.Key.IndexOf('|')], mapping) + pair.Key[pair.Key.IndexOf('|')..],
            pair => pair.Value.Select(source => Map(source, mapping)).ToList(),
            StringComparer.Ordinal);
        state.Compensable = state.Compensable
            .Select(c => c with { ActivityId = Map(c.ActivityId, mapping), CompensateWith = Map(c.CompensateWith, mapping) })
            .ToList();
    }

    private static async Task RenameRowsAsync(Microsoft.EntityFrameworkCore.DbContext db, Guid instanceId, IReadOnlyDictionary<string, string> mapping, CancellationToken cancellationToken)
    {
        foreach (var bookmark in await db.Set<WorkflowBookmark>().Where(b => b.InstanceId == instanceId && b.ClosedAt == null).ToListAsync(cancellationToken))
        {
            bookmark.ActivityId = Map(bookmark.ActivityId, mapping);
        }

        foreach (var task in await db.Set<WorkflowTask>().Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open).ToListAsync(cancellationToken))
        {
            task.ActivityId = Map(task.ActivityId, mapping);
        }
    }

    private static string Map(string activityId, IReadOnlyDictionary<string, string> mapping) =>
        mapping.TryGetValue(activityId, out var target) ? target : activityId;
}

/// <summary>Which instances to move: all running ones of a version, or the listed ones.</summary>
public sealed record MigrationRequest(
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    IReadOnlyDictionary<string, string> Mapping,
    bool DryRun,
    IReadOnlyList<Guid>? InstanceIds = null);

/// <summary>Per instance: whether it moves (or would, in a dry run), what moves where, and what prevents it.</summary>
public sealed record MigrationReport(Guid InstanceId, bool Migratable, IReadOnlyList<string> Moves, IReadOnlyList<string> Problems);
