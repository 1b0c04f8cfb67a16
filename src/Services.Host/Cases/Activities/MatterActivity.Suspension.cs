using System.Globalization;
using System.Text.Json.Nodes;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Model;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Execution;

namespace OneThing.Host.Cases.Activities;

/// <summary>
/// Excluded periods (DOMAIN "The legal clock"): a clerk stops a matter's clock for a hearing, an inspection,
/// an expert review or testing, with the reason; while suspended no deadline runs. Resuming reopens the task
/// with the working days that were left when it stopped, so the deadlines move by exactly the suspended
/// working days — the timeline records both moves and why.
/// </summary>
public abstract partial class DepartmentReviewActivity
{
    public static readonly IReadOnlyList<string> SuspensionKinds = ["hearing", "inspection", "expert-review", "testing", "other"];

    private const string ResumePrefix = "resume-";
    private const string Suspension = "suspension";

    private async Task SuspendAsync(ActivityContext context, Case @case, CaseMatter matter, Resumption resumption, string? actorName)
    {
        var round = context.Data["round"]?.GetValue<int>() ?? 1;
        var today = WorkingDayCalendar.LocalDate(context.Now);
        var calendar = await calendars.CurrentAsync();
        int Left(DateTimeOffset? due) => due is { } d ? Math.Max(0, calendar.WorkingDaysBetween(today, WorkingDayCalendar.LocalDate(d))) : 0;
        var kind = resumption.Data?["kind"]?.GetValue<string>() ?? "other";
        var reason = resumption.Data?["reason"]?.GetValue<string>() ?? kind;
        context.Data[Suspension] = new JsonObject { ["promised"] = Left(matter.PromisedDueAt), ["statutory"] = Left(matter.StatutoryDueAt) };

        matter.Status = MatterStatus.Suspended;
        matter.TaskId = null;
        matter.SuspendedAt = context.Now;
        matter.SuspensionReason = $"{kind}: {reason}";
        matter.SuspensionBookmarkId = context.CreateBookmark($"{ResumePrefix}{round}");
        db.AddEvent(@case, context.Now, CaseEventKinds.ClockSuspended, resumption.Actor, actorName, matter.Code,
            $"{kind}: {reason}（剩余承诺时限 {context.Data[Suspension]!["promised"]} 个工作日，法定 {context.Data[Suspension]!["statutory"]} 个工作日）");
        context.Notify(@case, $"suspended-{round}", $"{matter.Name}暂停计时", $"您的办件 {@case.Number} 中的“{matter.Name}”因{reason}暂停计时，所需时间不计入办理时限。");
    }

    private async Task ResumeClockAsync(ActivityContext context, Case @case, CaseMatter matter, Resumption resumption, string? actorName)
    {
        var left = context.Data[Suspension] as JsonObject;
        context.Data.Remove(Suspension);
        var suspendedSince = matter.SuspendedAt;
        matter.SuspendedAt = null;
        matter.SuspensionReason = null;
        matter.SuspensionBookmarkId = null;
        await OpenAsync(context, @case, matter, restarted: true, (left?["promised"]?.GetValue<int>() ?? matter.PromisedDays, left?["statutory"]?.GetValue<int>() ?? matter.StatutoryDays));
        db.AddEvent(@case, context.Now, CaseEventKinds.ClockResumed, resumption.Actor, actorName, matter.Code,
            string.Create(CultureInfo.InvariantCulture, $"suspended since {suspendedSince:O}; new promisedDueAt {matter.PromisedDueAt:O}, statutoryDueAt {matter.StatutoryDueAt:O}"));
    }
}
