using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases.Model;
using OneThing.Host.Documents;
using OneThing.Host.Persistence;
using OneThing.Integrations.Licences;
using OneThing.Workflows.Activities;

namespace OneThing.Host.Cases.Activities;

/// <summary>The end of a journey's happy path: every matter is done, the case is completed (办结).</summary>
[Activity(TypeName, Category = "One matter", Description = "Marks the case completed (办结) and tells the applicant.")]
public sealed class CompleteCaseActivity(AppDbContext db) : IActivity
{
    public const string TypeName = "CompleteCase";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await CaseStore.LoadAsync(db, context.InstanceId);
        @case.Status = CaseStatus.Completed;
        @case.ClosedAt = context.Now;
        db.AddEvent(@case, context.Now, CaseEventKinds.Completed, context.Actor);
        if (context.Services.GetService<Documents.CaseDocuments>() is { } documents)
        {
            await documents.IssueCompletionNoticeAsync(@case, context.IdempotencyKey, context.Now);
        }

        context.Notify(@case, "completed", "办件已办结", $"您的办件 {@case.Number}（{@case.JourneyName}）已全部办结，可在办件详情中查看和下载结果。");
        return ActivityResult.Complete(Outcomes.Done);
    }
}

/// <summary>
/// A matter was rejected (or the case not accepted): the case ends as rejected, the matters still open are
/// cancelled, and the instance terminates. What was already approved stays done.
/// </summary>
[Activity(TypeName, Category = "One matter", Description = "Ends the case as rejected; open matters are cancelled.", Outcomes = [])]
[Input("reason", InputKind.Expression, Description = "Why, for the applicant")]
public sealed class RejectCaseActivity(AppDbContext db) : IActivity
{
    public const string TypeName = "RejectCase";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await CaseStore.LoadAsync(db, context.InstanceId);
        var rejected = @case.Matters.Where(m => m.Status == MatterStatus.Rejected).OrderByDescending(m => m.DecidedAt).FirstOrDefault();
        var reason = Reason(context.StringInput("reason"), rejected);
        @case.Status = CaseStatus.Rejected;
        @case.ClosedAt = context.Now;
        @case.ClosingReason = reason;
        foreach (var matter in @case.Matters.Where(m => !m.Status.IsFinal()))
        {
            matter.Status = MatterStatus.Cancelled;
            matter.TaskId = null;
        }

        db.AddEvent(@case, context.Now, CaseEventKinds.Rejected, context.Actor, detail: reason);
        context.Notify(@case, "case-rejected", "办件未通过", $"您的办件 {@case.Number}（{@case.JourneyName}）未通过：{reason}");
        return ActivityResult.Terminate(reason);
    }

    /// <summary>
    /// The journey's summary (which matter failed) followed by the reason the deciding clerk or system gave: the
    /// applicant must learn why, not only where (the closing reason holds at most 1000 characters).
    /// </summary>
    private static string Reason(string? summary, CaseMatter? rejected)
    {
        var why = rejected is { Reason: { Length: > 0 } given } ? $"{rejected.Name}：{given}" : null;
        var reason = summary is null ? why ?? "不予办理"
            : why is null || summary.Contains(rejected!.Reason!, StringComparison.Ordinal) ? summary
            : $"{summary}。{why}";
        return reason.Length <= 1000 ? reason : reason[..999] + "…";
    }
}

/// <summary>
/// Compensation of a matter when a case is withdrawn after acceptance: the licence it produced is revoked
/// in the licence library and the matter is marked revoked (已撤销).
/// </summary>
[Activity(TypeName, Category = "One matter", Description = "Undoes an approved matter (compensation): revokes the licence it produced.")]
[Input("matter", InputKind.String, Required = true, Description = "Code of the matter to undo")]
public sealed class RevokeMatterActivity(AppDbContext db, ILicenceLibrary licences) : IActivity
{
    public const string TypeName = "RevokeMatter";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await CaseStore.LoadAsync(db, context.InstanceId);
        var code = context.StringInput("matter");
        var matter = @case.Matters.SingleOrDefault(m => m.Code == code);
        if (matter is not { Status: MatterStatus.Approved })
        {
            return ActivityResult.Complete(Outcomes.Done);
        }

        if (matter.LicenceId is { } licenceId)
        {
            await licences.RevokeAsync(licenceId, $"办件 {@case.Number} 撤回，撤销“{matter.Name}”", $"{context.IdempotencyKey}/revoke");
        }

        matter.Status = MatterStatus.Revoked;
        db.AddEvent(@case, context.Now, CaseEventKinds.MatterRevoked, context.Actor, matter: matter.Code, detail: matter.LicenceId);

        // Its sealed result documents now verify as revoked, saying why.
        var documents = await db.Set<ResultDocumentRecord>()
            .Where(d => d.CaseId == @case.Id && d.MatterCode == code && d.RevokedAt == null).ToListAsync();
        foreach (var document in documents)
        {
            document.RevokedAt = context.Now;
            document.RevokedBy = context.Actor;
            document.RevocationReason = $"办件 {@case.Number} 撤回，“{matter.Name}”已撤销 (the case was withdrawn and the matter revoked)";
        }

        return ActivityResult.Complete(Outcomes.Done);
    }
}

public static class CaseActivityRegistration
{
    /// <summary>The one-matter domain activities the journeys use.</summary>
    public static ActivityRegistry AddCaseActivities(this ActivityRegistry registry) => registry
        .Add<AcceptanceActivity>()
        .Add<MatterActivity>()
        .Add<CompleteCaseActivity>()
        .Add<RejectCaseActivity>()
        .Add<RevokeMatterActivity>();
}
