using System.Text.Json;
using System.Text.Json.Nodes;
using OneThing.Contracts.Departments;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Model;
using OneThing.Host.Persistence;
using OneThing.Integrations.Licences;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Activities.Builtin;
using OneThing.Workflows.Execution;

namespace OneThing.Host.Cases.Activities;

/// <summary>
/// What a department review does, shared by <see cref="MatterActivity"/> and <see cref="AcceptanceActivity"/>.
/// One department service (事项) of a case. When a token reaches it: if its instant rule holds it is
/// approved at once (秒批) with the rule as decider; otherwise it becomes a task in the department's queue
/// and a <see cref="MatterSubmitted"/> message to the department's back office, and waits for a clerk's or
/// the department system's decision. A correction request (补正) waits for the applicant's one answer and
/// then opens the matter again with its clock restarted. Approval writes back the licence it produces.
/// </summary>
public abstract partial class DepartmentReviewActivity(AppDbContext db, ILicenceLibrary licences, ICalendarProvider calendars) : IActivity
{
    private const string TaskPrefix = "task-";
    private const string CorrectionPrefix = "correction-";
    private const string PendingApproval = "pendingApproval";

    protected virtual bool IsAcceptance => false;

    protected virtual string ApprovedOutcome => MatterOutcomes.Approved;

    protected virtual string RejectedOutcome => MatterOutcomes.Rejected;

    /// <summary>What a clerk may decide on the task.</summary>
    protected virtual IReadOnlyList<string> TaskOutcomes => [MatterOutcomes.Approve, MatterOutcomes.Reject, MatterOutcomes.RequestCorrection, MatterOutcomes.Suspend];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await CaseStore.LoadAsync(db, context.InstanceId);
        var matter = MatterOf(context, @case);
        if (context.Data[PendingApproval] is JsonObject pending)
        {
            // A run again after a fault (the licence library was down when a clerk or system approved):
            // the decision stands; finish it instead of opening the matter again.
            return await ApproveAsync(context, @case, matter, Enum.Parse<DeciderKind>(pending["decider"]!.GetValue<string>()),
                pending["actor"]!.GetValue<string>(), pending["actorName"]?.GetValue<string>(), pending["reason"]?.GetValue<string>());
        }

        if (context.Activity.Inputs["instantRule"] is JsonObject rule && DecisionActivity.Truthy(context.Evaluate(rule["condition"])))
        {
            var ruleId = rule["id"]?.GetValue<string>() ?? context.Activity.Id;
            var description = rule["description"]?.GetValue<string>();
            return await ApproveAsync(context, @case, matter, DeciderKind.Rule, $"rule:{ruleId}", description ?? ruleId, description);
        }

        await OpenAsync(context, @case, matter, restarted: false);
        return ActivityResult.Wait();
    }

    public async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption)
    {
        var @case = await CaseStore.LoadAsync(db, context.InstanceId);
        var matter = MatterOf(context, @case);
        var actorName = resumption.Data?["actorName"]?.GetValue<string>();
        if (resumption.BookmarkName.StartsWith(CorrectionPrefix, StringComparison.Ordinal))
        {
            matter.Corrections++;
            if (resumption.Data?["form"] is JsonObject corrected && context.State.Input is { } input)
            {
                input["form"] = corrected.DeepClone();
            }

            @case.Status = IsAcceptance ? CaseStatus.Submitted : CaseStatus.InProgress;
            db.AddEvent(@case, context.Now, CaseEventKinds.CorrectionSubmitted, resumption.Actor, actorName, matter.Code,
                resumption.Data?["items"]?.ToJsonString());
            await OpenAsync(context, @case, matter, restarted: true);
            return ActivityResult.Wait();
        }

        if (resumption.BookmarkName.StartsWith(ResumePrefix, StringComparison.Ordinal))
        {
            await ResumeClockAsync(context, @case, matter, resumption, actorName);
            return ActivityResult.Wait();
        }

        if (IsClockBookmark(resumption.BookmarkName))
        {
            await OnClockAsync(context, @case, matter, resumption.BookmarkName);
            return ActivityResult.Wait();
        }

        var decider = resumption.Actor.StartsWith("system:", StringComparison.Ordinal) ? DeciderKind.System : DeciderKind.Clerk;
        var reason = resumption.Data?["reason"]?.GetValue<string>();
        switch (resumption.Outcome)
        {
            case MatterOutcomes.Approve:
                // Kept with the execution: if writing the licence back faults, the retry completes this approval.
                context.Data[PendingApproval] = new JsonObject
                {
                    ["decider"] = decider.ToString(),
                    ["actor"] = resumption.Actor,
                    ["actorName"] = actorName,
                    ["reason"] = reason,
                };
                return await ApproveAsync(context, @case, matter, decider, resumption.Actor, actorName, reason);

            case MatterOutcomes.Reject:
                Decide(context, matter, MatterStatus.Rejected, decider, resumption.Actor, actorName, reason);
                db.AddEvent(@case, context.Now, CaseEventKinds.MatterRejected, resumption.Actor, actorName, matter.Code, reason);
                context.Notify(@case, "rejected", $"{matter.Name}未通过", $"您的办件 {@case.Number} 中的“{matter.Name}”未通过：{reason}");
                return ActivityResult.Complete(RejectedOutcome);

            case MatterOutcomes.RequestCorrection:
                RequestCorrection(context, @case, matter, resumption, actorName);
                return ActivityResult.Wait();

            case MatterOutcomes.Suspend:
                await SuspendAsync(context, @case, matter, resumption, actorName);
                return ActivityResult.Wait();

            default:
                return ActivityResult.Faulted($"'{resumption.Outcome}' is not a decision on a matter.");
        }
    }

    /// <summary>Puts the matter into its department's queue with a fresh clock (the day after today counts first).</summary>
    private async Task OpenAsync(ActivityContext context, Case @case, CaseMatter matter, bool restarted, (int Promised, int Statutory)? remaining = null)
    {
        var round = (context.Data["round"]?.GetValue<int>() ?? 0) + 1;
        context.Data["round"] = round;
        var task = context.CreateBookmark($"{TaskPrefix}{round}");
        var deadlines = CaseDeadlines.From(context.Now, remaining?.Promised ?? matter.PromisedDays, remaining?.Statutory ?? matter.StatutoryDays, await calendars.CurrentAsync());
        matter.Status = MatterStatus.InReview;
        matter.TaskId = task;
        matter.ClaimedBy = null;
        matter.ClaimedByName = null;
        matter.ClockStartedAt = context.Now;
        matter.PromisedDueAt = deadlines.Promised;
        matter.StatutoryDueAt = deadlines.Statutory;
        matter.CalendarVersion = deadlines.CalendarVersion;
        matter.EscalatedAt = null;
        ScheduleClock(context, round, deadlines);

        var data = new JsonObject
        {
            ["caseNumber"] = @case.Number,
            ["journey"] = @case.JourneyCode,
            ["matter"] = matter.Code,
            ["department"] = matter.DepartmentCode,
        };
        context.CreateTask(new HumanTaskCreated(task, context.Activity.Id, $"{matter.Name}｜{@case.Number}", null, matter.DepartmentCode, null,
            deadlines.Promised, 0, [.. TaskOutcomes], data));
        context.Send(new MatterSubmitted(task, @case.Number, @case.JourneyCode, matter.Code, matter.Name, matter.DepartmentCode, deadlines.Promised,
            context.State.Input?["form"]?.DeepClone().AsObject() ?? [], Materials(context)), DepartmentQueue(matter.DepartmentCode));
        db.AddEvent(@case, context.Now, restarted ? CaseEventKinds.MatterRestarted : CaseEventKinds.MatterStarted, context.Actor, null, matter.Code,
            $"{{\"promisedDueAt\":\"{deadlines.Promised:O}\",\"statutoryDueAt\":\"{deadlines.Statutory:O}\",\"calendar\":\"{deadlines.CalendarVersion}\"}}");
    }

    private async Task<ActivityResult> ApproveAsync(ActivityContext context, Case @case, CaseMatter matter, DeciderKind decider, string actor,
        string? actorName, string? reason)
    {
        if (context.Input<bool?>("assignCreditCode") == true && context.Variables["creditCode"] is null)
        {
            context.Variables["creditCode"] = CreditCodes.Assign(@case.RegionCode, @case.Number);
        }

        if (context.Activity.Inputs["produces"] is JsonObject produces)
        {
            // Each field may be an expression over the case (e.g. the holder is the mother's ID number).
            string? Text(string name) => context.Evaluate(produces[name]) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            var department = DepartmentSeeder.Catalogue.Single(d => d.Code == matter.DepartmentCode);
            var licence = await licences.IssueAsync(new LicenceIssueRequest(
                Text("licenceType") ?? throw new InvalidOperationException($"Matter {matter.Code} produces a licence without licenceType."),
                Text("holder") ?? @case.SubjectIdNumber,
                Text("holderName") ?? @case.SubjectName,
                department.CreditCode,
                department.Name,
                null,
                context.Evaluate(produces["data"]) as JsonObject ?? [],
                @case.Number,
                DecisionActivity.Truthy(context.Evaluate(produces["supersedesCurrent"]))), $"{context.IdempotencyKey}/licence");
            matter.LicenceId = licence.Id;
            db.AddEvent(@case, context.Now, CaseEventKinds.LicenceIssued, actor, actorName, matter.Code,
                JsonSerializer.Serialize(new { licence.Id, licence.Type, licence.TypeName, licence.IssuerName }, JsonSerializerOptions.Web));
        }

        context.Data.Remove(PendingApproval);
        Decide(context, matter, MatterStatus.Approved, decider, actor, actorName, reason);
        if (decider == DeciderKind.Rule)
        {
            matter.RuleId = actor["rule:".Length..];
        }

        if (IsAcceptance)
        {
            var deadlines = CaseDeadlines.From(context.Now, @case.PromisedDays, @case.StatutoryDays, await calendars.CurrentAsync());
            @case.Status = CaseStatus.InProgress;
            @case.AcceptedAt = context.Now;
            @case.PromisedDueAt = deadlines.Promised;
            @case.StatutoryDueAt = deadlines.Statutory;
            @case.CalendarVersion = deadlines.CalendarVersion;
            db.AddEvent(@case, context.Now, CaseEventKinds.Accepted, actor, actorName, matter.Code, reason);
            context.Notify(@case, "accepted", "办件已受理", $"您的办件 {@case.Number}（{@case.JourneyName}）已受理，承诺{@case.PromisedDays}个工作日内办结。");
        }
        else
        {
            db.AddEvent(@case, context.Now, CaseEventKinds.MatterApproved, actor, actorName, matter.Code, reason);
            if (context.Services.GetService<Documents.CaseDocuments>() is { } documents)
            {
                // The department's sealed result document, in the same unit of work (listed with the case's documents).
                await documents.IssueForMatterAsync(@case, matter, context.IdempotencyKey, context.Now);
            }

            context.Notify(@case, "approved", $"{matter.Name}已办结", $"您的办件 {@case.Number} 中的“{matter.Name}”已办结。");
        }

        return ActivityResult.Complete(ApprovedOutcome);
    }

    private static void Decide(ActivityContext context, CaseMatter matter, MatterStatus status, DeciderKind decider, string actor, string? actorName, string? reason)
    {
        matter.Status = status;
        matter.Decider = decider;
        matter.DecidedBy = actor;
        matter.DecidedByName = actorName;
        matter.DecidedAt = context.Now;
        matter.Reason = reason;
        matter.TaskId = null;
        if (context.Variables["matters"] is not JsonObject matters)
        {
            matters = [];
            context.Variables["matters"] = matters;
        }

        matters[matter.Code] = new JsonObject
        {
            ["outcome"] = status == MatterStatus.Approved ? MatterOutcomes.Approved : MatterOutcomes.Rejected,
            ["decider"] = actor,
            ["licenceId"] = matter.LicenceId,
        };
    }

    /// <summary>Everything missing is told at once; the matter waits for the applicant's one answer.</summary>
    private void RequestCorrection(ActivityContext context, Case @case, CaseMatter matter, Resumption resumption, string? actorName)
    {
        var round = context.Data["round"]?.GetValue<int>() ?? 1;
        var bookmark = context.CreateBookmark($"{CorrectionPrefix}{round}");
        var items = resumption.Data?["items"]?.ToJsonString() ?? "[]";
        db.CaseCorrections.Add(new CaseCorrection
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            MatterCode = matter.Code,
            BookmarkId = bookmark,
            Items = items,
            RequestedBy = resumption.Actor,
            RequestedByName = actorName,
            RequestedAt = context.Now,
        });
        matter.Status = MatterStatus.CorrectionRequired;
        matter.TaskId = null;
        @case.Status = CaseStatus.CorrectionRequired;
        db.AddEvent(@case, context.Now, CaseEventKinds.CorrectionRequested, resumption.Actor, actorName, matter.Code, items);
        context.Notify(@case, $"correction-{round}", "请补正材料", $"您的办件 {@case.Number} 中的“{matter.Name}”需要补正，请在办件详情中查看补正清单并一次提交。");
    }

    private CaseMatter MatterOf(ActivityContext context, Case @case)
    {
        var code = IsAcceptance ? MatterCodes.Acceptance : context.StringInput("matter") ?? context.Activity.Id;
        return @case.Matters.SingleOrDefault(m => m.Code == code)
            ?? throw new InvalidOperationException($"Case {@case.Number} has no matter '{code}'.");
    }

    private static JsonObject Materials(ActivityContext context)
    {
        var materials = new JsonObject();
        if (context.State.Input?["licences"] is JsonObject used)
        {
            foreach (var (code, licence) in used)
            {
                materials[code] = new JsonObject { ["id"] = licence?["id"]?.DeepClone(), ["type"] = licence?["type"]?.DeepClone() };
            }
        }

        return materials;
    }

    public static string DepartmentQueue(string departmentCode) => $"department-{departmentCode}";
}

[Activity(TypeName, Category = "One matter", Description = "A department service of the case: instant rule, queue task, corrections, licence write-back.",
    Outcomes = [MatterOutcomes.Approved, MatterOutcomes.Rejected], Waits = true)]
[Input("matter", InputKind.String, Required = true, Description = "Code of the matter within the journey")]
[Input("name", InputKind.String, Required = true, Description = "Chinese name (事项名称)")]
[Input("nameEn", InputKind.String, Required = true)]
[Input("department", InputKind.String, Required = true, Description = "Department code")]
[Input("promisedDays", InputKind.Number, Required = true, Description = "Promised limit in working days (承诺时限)")]
[Input("statutoryDays", InputKind.Number, Required = true, Description = "Statutory limit in working days (法定时限)")]
[Input("instantRule", InputKind.Object, Description = "{ id, description, descriptionEn, condition } — approved at once when the condition holds")]
[Input("produces", InputKind.Object, Description = "{ licenceType, typeName, holder, holderName, data, supersedesCurrent } written back on approval")]
[Input("assignCreditCode", InputKind.Boolean, Description = "The approved registration assigns a unified social credit code (variables.creditCode)")]
public sealed class MatterActivity(AppDbContext db, ILicenceLibrary licences, ICalendarProvider calendars) : DepartmentReviewActivity(db, licences, calendars)
{
    public const string TypeName = "Matter";
}

/// <summary>受理: the service centre (or a rule) accepts the case, rejects it, or asks for corrections once.</summary>
[Activity(TypeName, Category = "One matter", Description = "Acceptance of the case (受理): instant rule or a clerk; corrections handled inside.",
    Outcomes = [MatterOutcomes.Accepted, MatterOutcomes.Rejected], Waits = true)]
[Input("department", InputKind.String, Description = "Department code (default service-center)")]
[Input("promisedDays", InputKind.Number, Required = true, Description = "Promised limit of acceptance in working days")]
[Input("instantRule", InputKind.Object, Description = "{ id, description, condition } — accepted at once when it holds")]
public sealed class AcceptanceActivity(AppDbContext db, ILicenceLibrary licences, ICalendarProvider calendars) : DepartmentReviewActivity(db, licences, calendars)
{
    public const string TypeName = "Acceptance";

    protected override bool IsAcceptance => true;

    protected override string ApprovedOutcome => MatterOutcomes.Accepted;

    /// <summary>Acceptance is decided or corrected, never suspended.</summary>
    protected override IReadOnlyList<string> TaskOutcomes => [MatterOutcomes.Approve, MatterOutcomes.Reject, MatterOutcomes.RequestCorrection];
}

public static class MatterOutcomes
{
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Accepted = "Accepted";

    /// <summary>Decisions on a task.</summary>
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string RequestCorrection = "RequestCorrection";

    /// <summary>Stop the clock for an excluded period (hearing, inspection, expert review, testing).</summary>
    public const string Suspend = "Suspend";
}

public static class MatterCodes
{
    public const string Acceptance = "acceptance";
}

/// <summary>The kinds of timeline entries.</summary>
public static class CaseEventKinds
{
    public const string Submitted = "Submitted";
    public const string LicencePulled = "LicencePulled";
    public const string Accepted = "Accepted";
    public const string MatterStarted = "MatterStarted";
    public const string MatterRestarted = "MatterRestarted";
    public const string Claimed = "Claimed";
    public const string Released = "Released";
    public const string Reassigned = "Reassigned";
    public const string MatterApproved = "MatterApproved";
    public const string MatterRejected = "MatterRejected";
    public const string CorrectionRequested = "CorrectionRequested";
    public const string CorrectionSubmitted = "CorrectionSubmitted";
    public const string LicenceIssued = "LicenceIssued";
    public const string MatterRevoked = "MatterRevoked";
    public const string DeadlineWarning = "DeadlineWarning";
    public const string Escalated = "Escalated";
    public const string StatutoryDeadlinePassed = "StatutoryDeadlinePassed";
    public const string ClockSuspended = "ClockSuspended";
    public const string ClockResumed = "ClockResumed";
    public const string Completed = "Completed";
    public const string Rejected = "Rejected";
    public const string Withdrawn = "Withdrawn";
}
