using Microsoft.EntityFrameworkCore;
using OneThing.Host.Persistence;

namespace OneThing.Host.Auditing;

/// <summary>
/// Writes audit events. <see cref="Add"/> puts one into a context the caller is about to save, so it commits with the
/// change or read it records; <see cref="WriteAsync"/> commits one at once on a connection of its own, for what has
/// already happened whatever becomes of the surrounding work (a call to an outside system, a licence pull).
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>The ambient actor (<see cref="AuditActor.Use"/>), else the signed-in user of the current request, else <c>system</c>.</summary>
    public AuditActor Actor()
    {
        if (AuditActor.Current is { } ambient)
        {
            return ambient;
        }

        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? AuditActor.Of(user) : AuditActor.System;
    }

    /// <summary>A new, unchained event by the current actor, now.</summary>
    public AuditEvent Event(string action, string? subject = null, string? caseNumber = null, string? purpose = null, AuditActor? actor = null)
    {
        var who = actor ?? Actor();
        return new AuditEvent
        {
            OccurredAt = AuditHash.Truncate(time.GetUtcNow()),
            ActorId = Clip(who.Id, 200)!,
            ActorRole = Clip(who.Role, 200)!,
            Subject = Clip(subject, 300),
            CaseNumber = caseNumber ?? who.CaseNumber,
            Action = action,
            Purpose = Clip(purpose, 500),
        };
    }

    /// <summary>Adds <paramref name="e"/> to <paramref name="db"/>: it commits with the caller's next save.</summary>
    public static void Add(DbContext db, AuditEvent e) => db.Set<AuditEvent>().Add(e);

    /// <summary>Commits <paramref name="e"/> now, in a transaction of its own.</summary>
    public async Task WriteAsync(AuditEvent e, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<AuditEvent>().Add(e);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string? Clip(string? text, int max) => text is { Length: var n } && n > max ? text[..max] : text;
}
