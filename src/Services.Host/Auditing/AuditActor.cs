using System.Security.Claims;
using OpenIddict.Abstractions;

namespace OneThing.Host.Auditing;

/// <summary>
/// Who acts, for the audit trail. Inside an HTTP request it is the signed-in user; elsewhere whoever opened an
/// <see cref="AuditActor.Use"/> scope on the current async flow (a department system's message, the workflow runtime);
/// failing both, <c>system</c>.
/// </summary>
public sealed record AuditActor(string Id, string Role, string? CaseNumber = null)
{
    public static readonly AuditActor System = new("system", "system");

    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    /// <summary>The actor set on this async flow, if any.</summary>
    public static AuditActor? Current => Ambient.Value;

    /// <summary>Acts as <paramref name="actor"/> until the returned scope is disposed (flows into awaited calls).</summary>
    public static IDisposable Use(AuditActor actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    /// <summary>The same actor, about a given case (outside calls made meanwhile name it).</summary>
    public static IDisposable ForCase(string caseNumber, AuditActor fallback) => Use((Current ?? fallback) with { CaseNumber = caseNumber });

    public static AuditActor Of(ClaimsPrincipal? user)
    {
        var id = user?.GetClaim(OpenIddictConstants.Claims.Subject);
        if (id is null)
        {
            return user?.GetClaim(OpenIddictConstants.Claims.ClientId) is { } client ? new AuditActor($"client:{client}", "client") : System;
        }

        var roles = user!.GetClaims(OpenIddictConstants.Claims.Role);
        return new AuditActor(id, roles.IsDefaultOrEmpty ? "none" : string.Join(',', roles.Order(StringComparer.Ordinal)));
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
