using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneThing.Host.Cases.Model;
using OneThing.Workflows.Messaging;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Auditing;

/// <summary>
/// Every state change leaves an audit event in the same transaction: on each save, one event per added, modified or
/// deleted entity of the business types, with its type, key and the NAMES of the changed properties (values would
/// copy personal data into the trail). Messages queued for departments' systems in the same save are recorded as
/// exchanges with the hash of their body. Plumbing (outbox, inbox, leases, tokens, the sandbox's stand-ins of outside
/// systems, the trail itself) is not a business change and is skipped.
/// </summary>
public sealed class AuditSaveInterceptor(AuditTrail trail) : SaveChangesInterceptor
{
    private const string DepartmentContracts = "OneThing.Contracts.Departments";

    private static readonly HashSet<Type> Plumbing =
    [
        typeof(AuditEvent), typeof(AuditChainHead), typeof(OutboxMessage), typeof(InboxMessage), typeof(DataProtectionKey),
        typeof(CaseNumberCounter), typeof(WorkflowTimer), typeof(WorkflowBookmark), typeof(WorkflowJournalEntry),
    ];

    private static readonly string[] PlumbingNamespaces = ["OpenIddict.", "OneThing.Host.Sandbox"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context, []);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            Record(db, await CaseNumbersAsync(db, cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// The case numbers of the cases and workflow instances the changed entities belong to, when those are not loaded
    /// (a matter changed by an activity, a task completed by a clerk): one query each.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> CaseNumbersAsync(DbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var numbers = new Dictionary<Guid, string>();
        var caseIds = new HashSet<Guid>();
        var instanceIds = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.Metadata.FindProperty("CaseId") is { ClrType: var c } && c == typeof(Guid) && entry.Property("CaseId").CurrentValue is Guid caseId)
            {
                caseIds.Add(caseId);
            }
            else if (entry.Metadata.FindProperty("InstanceId") is { ClrType: var i } && i == typeof(Guid) && entry.Property("InstanceId").CurrentValue is Guid instanceId)
            {
                instanceIds.Add(instanceId);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Case>())
        {
            caseIds.Remove(entry.Entity.Id);
            numbers[entry.Entity.Id] = entry.Entity.Number;
        }

        foreach (var entry in db.ChangeTracker.Entries<WorkflowInstance>().Where(e => e.Entity.CorrelationId is not null))
        {
            instanceIds.Remove(entry.Entity.Id);
            numbers[entry.Entity.Id] = entry.Entity.CorrelationId!;
        }

        if (caseIds.Count > 0)
        {
            foreach (var row in await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken))
            {
                numbers[row.Id] = row.Number;
            }
        }

        if (instanceIds.Count > 0)
        {
            foreach (var row in await db.Set<WorkflowInstance>().AsNoTracking().Where(i => instanceIds.Contains(i.Id) && i.CorrelationId != null)
                .Select(i => new { i.Id, i.CorrelationId }).ToListAsync(cancellationToken))
            {
                numbers[row.Id] = row.CorrelationId!;
            }
        }

        return numbers;
    }

    /// <summary>Whether changes to entities of <paramref name="type"/> are audited.</summary>
    public static bool IsAudited(Type type) =>
        !Plumbing.Contains(type) && !PlumbingNamespaces.Any(ns => type.FullName?.StartsWith(ns, StringComparison.Ordinal) == true);

    private void Record(DbContext? db, Dictionary<Guid, string> known)
    {
        if (db is null)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        // A save that failed and is tried again must not record its changes twice.
        foreach (var stale in db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added && e.Entity.FromInterceptor).ToList())
        {
            stale.State = EntityState.Detached;
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var actor = trail.Actor();
        var cases = new Dictionary<Guid, string>(known);
        foreach (var tracked in db.ChangeTracker.Entries<Case>())
        {
            cases[tracked.Entity.Id] = tracked.Entity.Number;
        }

        foreach (var entry in changed)
        {
            if (entry.Entity is OutboxMessage { DispatchedAt: null } message && entry.State == EntityState.Added
                && message.MessageType.StartsWith(DepartmentContracts, StringComparison.Ordinal))
            {
                AuditTrail.Add(db, Sent(message, actor));
                continue;
            }

            if (!IsAudited(entry.Metadata.ClrType) || (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified)))
            {
                continue;
            }

            var type = entry.Metadata.ClrType.Name;
            var key = Key(entry) is { } raw ? Privacy.Masking.Text(raw) : null;
            var e = trail.Event(
                entry.State switch { EntityState.Added => AuditActions.Created, EntityState.Deleted => AuditActions.Deleted, _ => AuditActions.Modified },
                key is null ? type : $"{type}:{key}", CaseNumber(entry, cases), actor: actor);
            e.EntityType = entry.Metadata.DisplayName();
            e.EntityKey = AuditTrail.Clip(key, 200);
            e.Changes = AuditTrail.Clip(entry.State switch
            {
                EntityState.Added => string.Join(',', entry.Properties.Where(p => p.CurrentValue is not null && !p.Metadata.IsPrimaryKey()).Select(p => p.Metadata.Name)),
                EntityState.Modified => string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)),
                _ => null,
            }, 4000);
            e.FromInterceptor = true;
            AuditTrail.Add(db, e);
        }
    }

    private AuditEvent Sent(OutboxMessage message, AuditActor actor)
    {
        var type = message.MessageType[(message.MessageType.LastIndexOf('.') + 1)..];
        string? caseNumber = null;
        try
        {
            caseNumber = JsonNode.Parse(message.Body)?["caseNumber"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // A body without a case number is recorded without one.
        }

        var e = trail.Event(AuditActions.MessageSent, $"message:{message.MessageId}", caseNumber, message.Destination, actor);
        e.Detail = new JsonObject { ["messageType"] = type, ["destination"] = message.Destination, ["messageId"] = message.MessageId.ToString() }.ToJsonString();
        e.RequestHash = AuditHash.Of(message.Body);
        e.FromInterceptor = true;
        return e;
    }

    private static string? Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        var parts = key.Properties.Select(p => entry.Property(p.Name)).ToList();
        return parts.Any(p => p.IsTemporary || p.CurrentValue is null) ? null
            : string.Join('/', parts.Select(p => Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string? CaseNumber(EntityEntry entry, Dictionary<Guid, string> cases) => entry.Entity switch
    {
        Case c => c.Number,
        WorkflowInstance i => i.CorrelationId,
        _ when entry.Metadata.FindProperty("CaseId") is { } property && entry.Property(property.Name).CurrentValue is Guid id => cases.GetValueOrDefault(id),
        _ when entry.Metadata.FindProperty("InstanceId") is { } property && entry.Property(property.Name).CurrentValue is Guid id => cases.GetValueOrDefault(id),
        _ when entry.Metadata.FindProperty("CaseNumber") is { ClrType: var t } property && t == typeof(string) => entry.Property(property.Name).CurrentValue as string,
        _ => null,
    };
}
