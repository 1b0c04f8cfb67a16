using System.Text.Json.Nodes;
using OneThing.Host.Privacy;
using OneThing.Integrations.Exchanges;

namespace OneThing.Host.Auditing;

/// <summary>
/// Records each HTTP exchange with an outside system at once (it happened, whatever the caller then does): who caused
/// it, the case when the caller named one (<see cref="AuditActor.ForCase"/>), method, host and path (masked, query
/// values dropped, parameter names kept), status, duration and both bodies' SHA-256.
/// </summary>
public sealed class AuditExchangeRecorder(AuditTrail trail) : IExchangeRecorder
{
    public Task RecordAsync(OutsideExchange exchange, CancellationToken cancellationToken)
    {
        var uri = exchange.Uri;
        var path = Masking.Text(uri.AbsolutePath);
        var e = trail.Event(AuditActions.OutsideCall, $"{uri.Host}{path}", purpose: exchange.Client);
        e.Detail = new JsonObject
        {
            ["method"] = exchange.Method,
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["path"] = path,
            ["query"] = uri.Query.Length > 1 ? string.Join('&', uri.Query[1..].Split('&').Select(p => p.Split('=')[0])) : null,
            ["status"] = exchange.Status,
            ["durationMs"] = Math.Round(exchange.Duration.TotalMilliseconds, 1),
            ["error"] = exchange.Error,
        }.ToJsonString();
        e.RequestHash = exchange.RequestSha256;
        e.ResponseHash = exchange.ResponseSha256;
        return trail.WriteAsync(e, cancellationToken);
    }
}
