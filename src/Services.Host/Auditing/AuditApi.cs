using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;

namespace OneThing.Host.Auditing;

/// <summary>
/// The audit trail for auditors (审计员): events filtered by case, actor, action and time, and a verification of the
/// whole chain that names the first broken link. Nothing here changes anything, and nothing returned is personal data.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit · 审计").RequireAuthorization(AuthorizationPolicies.Auditor);
        group.MapGet("/events", ListAsync).WithName("ListAuditEvents").WithSummary("Audit events, newest first · 审计日志")
            .ProducesValidationProblem();
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAuditChain")
            .WithSummary("Verify the hash chain and name the first broken link · 校验审计日志完整性");
        return app;
    }

    public sealed record AuditEventView(
        long Id, long? Sequence, DateTimeOffset OccurredAt, string ActorId, string ActorRole, string? Subject, string? CaseNumber, string Action,
        string? Purpose, string? EntityType, string? EntityKey, string? Changes, string? Detail, string? RequestHash, string? ResponseHash,
        string? PreviousHash, string? Hash)
    {
        public static AuditEventView From(AuditEvent e) => new(e.Id, e.Sequence, e.OccurredAt, e.ActorId, e.ActorRole, e.Subject, e.CaseNumber, e.Action,
            e.Purpose, e.EntityType, e.EntityKey, e.Changes, e.Detail, e.RequestHash, e.ResponseHash, e.PreviousHash, e.Hash);
    }

    public sealed record AuditEventPage(IReadOnlyList<AuditEventView> Items, int Page, int PageSize, int Total);

    private static async Task<Ok<AuditEventPage>> ListAsync(AppDbContext db, CancellationToken cancellationToken,
        string? caseNumber = null, string? actor = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int page = 1, int pageSize = 50)
    {
        var errors = new List<FieldError>();
        if (from is not null && to is not null && from > to)
        {
            errors.Add(new FieldError("#/from", "invalid_range", "from must not be later than to.", "起始时间不能晚于结束时间。"));
        }

        if (page < 1)
        {
            errors.Add(new FieldError("#/page", "invalid_page", "page starts at 1.", "页码从 1 开始。"));
        }

        if (pageSize is < 1 or > 500)
        {
            errors.Add(new FieldError("#/pageSize", "invalid_page_size", "pageSize is between 1 and 500.", "每页条数须在 1 到 500 之间。"));
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        var query = db.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            query = query.Where(e => e.CaseNumber == caseNumber.Trim().ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(e => e.ActorId == actor);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            // A prefix selects a family: "exchange" finds every exchange, "entity" every state change.
            query = query.Where(e => e.Action == action || e.Action.StartsWith(action + "."));
        }

        if (from is { } since)
        {
            query = query.Where(e => e.OccurredAt >= since);
        }

        if (to is { } until)
        {
            query = query.Where(e => e.OccurredAt <= until);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditEventPage([.. items.Select(AuditEventView.From)], page, pageSize, total));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));
}
