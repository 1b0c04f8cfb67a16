using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneThing.Host.Cases.Model;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Execution;

namespace OneThing.Host.Cases.Activities;

/// <summary>How the promised clock of a matter warns and escalates.</summary>
public sealed class SlaOptions
{
    public const string Section = "Cases:Sla";

    /// <summary>Share of the time from clock start to the promised deadline after which the clerk and head are warned (default 80 %).</summary>
    public double WarningFraction { get; set; } = 0.8;
}

/// <summary>
/// The matter's clock on durable timers (DESIGN D3), one set per opening of the task: a warning at a share of
/// the promised time to the clerk who claimed it and the department's heads; at the promised deadline the
/// task is escalated (marked overdue, in the heads' escalated queue) and the heads are told; at the statutory
/// deadline supervision (administrators) is told. A correction stops the clock: timers of an earlier opening
/// find the round changed and do nothing. Timers fire once across nodes (leased rows).
/// </summary>
public abstract partial class DepartmentReviewActivity
{
    private const string WarnPrefix = "warn-";
    private const string EscalatePrefix = "escalate-";
    private const string StatutoryPrefix = "statutory-";

    private static bool IsClockBookmark(string name) =>
        name.StartsWith(WarnPrefix, StringComparison.Ordinal) || name.StartsWith(EscalatePrefix, StringComparison.Ordinal)
        || name.StartsWith(StatutoryPrefix, StringComparison.Ordinal);

    private static void ScheduleClock(ActivityContext context, int round, CaseDeadlines deadlines)
    {
        var fraction = context.Services.GetService<IOptions<SlaOptions>>()?.Value.WarningFraction ?? 0.8;
        var span = deadlines.Promised - context.Now;
        if (span > TimeSpan.Zero && fraction is > 0 and < 1)
        {
            context.ScheduleTimer($"{WarnPrefix}{round}", context.Now + span * fraction);
        }

        context.ScheduleTimer($"{EscalatePrefix}{round}", deadlines.Promised);
        context.ScheduleTimer($"{StatutoryPrefix}{round}", deadlines.Statutory);
    }

    private async Task OnClockAsync(ActivityContext context, Case @case, CaseMatter matter, string bookmark)
    {
        var round = context.Data["round"]?.GetValue<int>() ?? 0;
        var firedRound = int.Parse(bookmark[(bookmark.IndexOf('-', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        if (firedRound != round || matter.Status != MatterStatus.InReview)
        {
            return; // an earlier opening's clock (the matter went to correction since), or already decided
        }

        var heads = await UsersInRoleAsync(Roles.DepartmentHead, matter.DepartmentCode);
        if (bookmark.StartsWith(WarnPrefix, StringComparison.Ordinal))
        {
            db.AddEvent(@case, context.Now, CaseEventKinds.DeadlineWarning, "system:clock", "办理时限预警", matter.Code, $"promisedDueAt {matter.PromisedDueAt:O}");
            var recipients = heads.Concat(matter.ClaimedBy is { } clerk ? [clerk] : []).Distinct();
            context.NotifyStaff(@case, recipients, bookmark, $"时限预警：{matter.Name}",
                $"办件 {@case.Number} 的“{matter.Name}”将于 {Local(matter.PromisedDueAt)} 到期，请尽快办理。");
        }
        else if (bookmark.StartsWith(EscalatePrefix, StringComparison.Ordinal))
        {
            matter.EscalatedAt = context.Now;
            if (matter.TaskId is { } task)
            {
                context.ChangeTask(new HumanTaskChanged(task, HumanTaskChange.Escalated, null, "system:clock", null));
            }

            db.AddEvent(@case, context.Now, CaseEventKinds.Escalated, "system:clock", "超期督办", matter.Code, $"promisedDueAt {matter.PromisedDueAt:O}");
            context.NotifyStaff(@case, heads, bookmark, $"已超期：{matter.Name}",
                $"办件 {@case.Number} 的“{matter.Name}”已超过承诺时限（{Local(matter.PromisedDueAt)}），已转负责人督办。");
        }
        else
        {
            var supervisors = await UsersInRoleAsync(Roles.Admin, department: null);
            db.AddEvent(@case, context.Now, CaseEventKinds.StatutoryDeadlinePassed, "system:clock", "超法定时限", matter.Code, $"statutoryDueAt {matter.StatutoryDueAt:O}");
            context.NotifyStaff(@case, supervisors, bookmark, $"超法定时限：{matter.Name}",
                $"办件 {@case.Number} 的“{matter.Name}”（{matter.DepartmentCode}）已超过法定时限（{Local(matter.StatutoryDueAt)}），请督办。");
        }
    }

    private async Task<List<string>> UsersInRoleAsync(string role, string? department)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleOrDefaultAsync();
        return await db.Users.Where(u => (department == null || u.DepartmentCode == department)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
    }

    private static string Local(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
