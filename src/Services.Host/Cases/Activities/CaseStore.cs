using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneThing.Contracts.Notifications;
using OneThing.Host.Cases.Model;
using OneThing.Host.Persistence;
using OneThing.Workflows.Activities;

namespace OneThing.Host.Cases.Activities;

/// <summary>
/// The case of a running instance and the timeline writes the domain activities share. Everything is
/// tracked in the request's one <see cref="AppDbContext"/>, so it commits with the instance.
/// </summary>
internal static class CaseStore
{
    /// <summary>The case of the instance — the tracked copy when the case is being submitted in this unit of work.</summary>
    public static async Task<Case> LoadAsync(AppDbContext db, Guid instanceId)
    {
        var local = db.Cases.Local.FirstOrDefault(c => c.InstanceId == instanceId);
        return local ?? await db.Cases.Include(c => c.Matters).SingleOrDefaultAsync(c => c.InstanceId == instanceId)
            ?? throw new InvalidOperationException($"No case belongs to workflow instance {instanceId}.");
    }

    public static CaseEvent AddEvent(this AppDbContext db, Case @case, DateTimeOffset at, string kind, string actor, string? actorName = null,
        string? matter = null, string? detail = null, string? onBehalfOf = null)
    {
        var entry = new CaseEvent
        {
            CaseId = @case.Id,
            At = at,
            Kind = kind,
            Actor = actor,
            ActorName = actorName,
            MatterCode = matter,
            Detail = detail is { Length: > 4000 } ? detail[..3997] + "..." : detail,
            OnBehalfOf = onBehalfOf,
        };
        db.CaseEvents.Add(entry);
        return entry;
    }

    /// <summary>Tells the case's owner something through the outbox; the id is stable for a re-run of the same step.</summary>
    public static void Notify(this ActivityContext context, Case @case, string kind, string title, string body)
    {
        if (@case.OwnerUserId is not { } owner)
        {
            return;
        }

        context.Publish(new NotificationRequested(NotificationId(context, kind), owner, title, body, @case.Number));
    }

    /// <summary>Tells staff (clerk, heads, supervisors) about a case; one notification per person, stable for a re-run.</summary>
    public static void NotifyStaff(this ActivityContext context, Case @case, IEnumerable<string> userIds, string kind, string title, string body)
    {
        foreach (var user in userIds)
        {
            context.Publish(new NotificationRequested(NotificationId(context, $"{kind}|{user}"), user, title, body, @case.Number));
        }
    }

    /// <summary>Stable for a re-run of the same step, so a repeated run does not notify (or text) twice.</summary>
    private static Guid NotificationId(ActivityContext context, string discriminator) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{context.IdempotencyKey}|{discriminator}")).AsSpan(0, 16));

    public static bool IsFinal(this MatterStatus status) =>
        status is MatterStatus.Approved or MatterStatus.Rejected or MatterStatus.Cancelled or MatterStatus.Revoked;

    public static bool IsClosed(this CaseStatus status) => status is CaseStatus.Completed or CaseStatus.Rejected or CaseStatus.Withdrawn;
}
