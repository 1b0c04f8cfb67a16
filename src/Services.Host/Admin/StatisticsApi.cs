using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Cases.Model;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OpenIddict.Abstractions;

namespace OneThing.Host.Admin;

/// <summary>
/// Supervision statistics (统计分析) for a period of acceptance dates (Asia/Shanghai): per department and per
/// journey — received, completed, on-time rate, average working days taken, correction rate, bad-review rate — and the list
/// of matters open past their promised deadline. Heads see their department, administrators all. CSV on request.
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/statistics").WithTags("Statistics · 统计").RequireAuthorization(AuthorizationPolicies.Supervision);
        group.MapGet("/", GetAsync).WithName("GetStatistics").WithSummary("Per department and journey, for a period · 分部门、分事项统计")
            .ProducesValidationProblem();
        group.MapGet("/departments.csv", DepartmentsCsvAsync).WithName("GetDepartmentStatisticsCsv").WithSummary("The department table as CSV · 导出 CSV");
        return app;
    }

    public sealed record DepartmentRow(string Department, string DepartmentName, int Received, int Completed, int OnTime, double? OnTimeRate,
        double? AverageWorkingDays, int Corrected, double? CorrectionRate, int Overdue, int Evaluated, int BadReviews, double? BadReviewRate);

    public sealed record JourneyRow(string Journey, string JourneyName, int Received, int Completed, int OnTime, double? OnTimeRate,
        double? AverageWorkingDays, int Corrected, double? CorrectionRate, int Evaluated, int BadReviews, double? BadReviewRate);

    public sealed record OverdueMatter(string CaseNumber, string Journey, string Matter, string MatterName, string Department,
        DateTimeOffset PromisedDueAt, int WorkingDaysOverdue, bool Escalated);

    public sealed record StatisticsView(DateOnly From, DateOnly To, string? Department, IReadOnlyList<DepartmentRow> Departments,
        IReadOnlyList<JourneyRow> Journeys, IReadOnlyList<OverdueMatter> OverdueMatters);

    private static async Task<StatisticsView> GetAsync(ClaimsPrincipal user, AppDbContext db, ICalendarProvider calendars, TimeProvider time,
        CancellationToken cancellationToken, string? from = null, string? to = null, string? department = null, string? journey = null) =>
        await ComputeAsync(user, db, calendars, time, from, to, department, journey, cancellationToken);

    private static async Task<IResult> DepartmentsCsvAsync(ClaimsPrincipal user, AppDbContext db, ICalendarProvider calendars, TimeProvider time,
        CancellationToken cancellationToken, string? from = null, string? to = null, string? department = null, string? journey = null)
    {
        var view = await ComputeAsync(user, db, calendars, time, from, to, department, journey, cancellationToken);
        var csv = new StringBuilder("department,department_name,received,completed,on_time,on_time_rate,average_working_days,corrected,correction_rate,overdue,evaluated,bad_reviews,bad_review_rate\n");
        foreach (var r in view.Departments)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Department},{Quote(r.DepartmentName)},{r.Received},{r.Completed},{r.OnTime},{Num(r.OnTimeRate)},{Num(r.AverageWorkingDays)},{r.Corrected},{Num(r.CorrectionRate)},{r.Overdue},{r.Evaluated},{r.BadReviews},{Num(r.BadReviewRate)}\n");
        }

        // A BOM so that spreadsheet programs read the Chinese names as UTF-8.
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"statistics-{view.From:yyyyMMdd}-{view.To:yyyyMMdd}.csv");
    }

    private static async Task<StatisticsView> ComputeAsync(ClaimsPrincipal user, AppDbContext db, ICalendarProvider calendars, TimeProvider time, string? from, string? to,
        string? department, string? journey, CancellationToken cancellationToken)
    {
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        var errors = new List<FieldError>();
        var start = ParseDate(from, today.AddDays(1 - today.Day), "#/from", errors);
        var end = ParseDate(to, today, "#/to", errors);
        if (errors.Count == 0 && (end < start || end.DayNumber - start.DayNumber > 366))
        {
            errors.Add(new FieldError("#/to", "range", "The period runs from 'from' to 'to', at most 366 days.", "统计区间须从起始日到截止日，且不超过 366 天。"));
        }

        // A head sees their own department only; an administrator any (or all).
        var roles = user.GetClaims(OpenIddictConstants.Claims.Role);
        if (!roles.Contains(Roles.Admin))
        {
            var own = user.GetClaim(OneThingClaims.Department);
            if (department is not null && department != own)
            {
                throw new ProblemException(Problems.Forbidden, "A department head sees the statistics of their own department.", "部门负责人只能查看本部门的统计。");
            }

            department = own;
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        var calendar = await calendars.CurrentAsync(cancellationToken);
        var lower = ChinaTime.StartOfDay(start);
        var upper = ChinaTime.StartOfDay(end.AddDays(1));
        var now = time.GetUtcNow();

        var matters = await (from m in db.CaseMatters.AsNoTracking()
                             join c in db.Cases.AsNoTracking() on m.CaseId equals c.Id
                             where m.ClockStartedAt >= lower && m.ClockStartedAt < upper
                                   && (department == null || m.DepartmentCode == department) && (journey == null || c.JourneyCode == journey)
                             select new { Matter = m, c.Number, c.JourneyCode }).ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Matters)
            .Where(c => c.AcceptedAt >= lower && c.AcceptedAt < upper && (journey == null || c.JourneyCode == journey)
                        && (department == null || c.Matters.Any(m => m.DepartmentCode == department)))
            .ToListAsync(cancellationToken);

        // 好差评: the first rating of each case (a follow-up after rectification does not replace it), read once for both tables.
        var ratedCaseIds = matters.Select(x => x.Matter.CaseId).Concat(cases.Select(c => c.Id)).Distinct().ToList();
        var ratings = await db.Set<Evaluation>().AsNoTracking().Where(e => e.Kind == EvaluationKind.Initial && ratedCaseIds.Contains(e.CaseId))
            .ToDictionaryAsync(e => e.CaseId, e => e.Bad, cancellationToken);
        var departments = matters.GroupBy(x => x.Matter.DepartmentCode).OrderBy(g => g.Key).Select(g =>
        {
            var rated = g.Select(x => x.Matter.CaseId).Distinct().Where(ratings.ContainsKey).ToList();
            var bad = rated.Count(id => ratings[id]);
            var decided = g.Where(x => x.Matter.DecidedAt is not null && x.Matter.Status is MatterStatus.Approved or MatterStatus.Rejected or MatterStatus.Revoked).ToList();
            var onTime = decided.Count(x => x.Matter.DecidedAt <= x.Matter.PromisedDueAt);
            var corrected = g.Count(x => x.Matter.Corrections > 0);
            return new DepartmentRow(g.Key, DepartmentSeeder.Catalogue.FirstOrDefault(d => d.Code == g.Key)?.Name ?? g.Key, g.Count(), decided.Count, onTime,
                Rate(onTime, decided.Count), Average(decided.Select(x => WorkingDaysTaken(calendar, x.Matter.ClockStartedAt!.Value, x.Matter.DecidedAt!.Value))),
                corrected, Rate(corrected, g.Count()),
                g.Count(x => x.Matter.Status is MatterStatus.InReview && x.Matter.PromisedDueAt < now),
                rated.Count, bad, Rate(bad, rated.Count));
        }).ToList();

        var journeys = cases.GroupBy(c => c.JourneyCode).OrderBy(g => g.Key).Select(g =>
        {
            var rated = g.Where(c => ratings.ContainsKey(c.Id)).ToList();
            var bad = rated.Count(c => ratings[c.Id]);
            var completed = g.Where(c => c.Status == CaseStatus.Completed && c.ClosedAt is not null).ToList();
            var onTime = completed.Count(c => c.ClosedAt <= c.PromisedDueAt);
            var corrected = g.Count(c => c.Matters.Any(m => m.Corrections > 0));
            return new JourneyRow(g.Key, g.First().JourneyName, g.Count(), completed.Count, onTime, Rate(onTime, completed.Count),
                Average(completed.Select(c => WorkingDaysTaken(calendar, c.AcceptedAt!.Value, c.ClosedAt!.Value))), corrected, Rate(corrected, g.Count()),
                rated.Count, bad, Rate(bad, rated.Count));
        }).ToList();

        var overdue = await (from m in db.CaseMatters.AsNoTracking()
                             join c in db.Cases.AsNoTracking() on m.CaseId equals c.Id
                             where m.Status == MatterStatus.InReview && m.PromisedDueAt < now
                                   && (department == null || m.DepartmentCode == department) && (journey == null || c.JourneyCode == journey)
                             orderby m.PromisedDueAt
                             select new { m.Code, m.Name, m.DepartmentCode, m.PromisedDueAt, m.EscalatedAt, c.Number, c.JourneyCode })
            .Take(500).ToListAsync(cancellationToken);
        var today0 = WorkingDayCalendar.LocalDate(now);
        return new StatisticsView(start, end, department, departments, journeys,
            [.. overdue.Select(o => new OverdueMatter(o.Number, o.JourneyCode, o.Code, o.Name, o.DepartmentCode, o.PromisedDueAt!.Value,
                calendar.WorkingDaysBetween(WorkingDayCalendar.LocalDate(o.PromisedDueAt.Value), today0), o.EscalatedAt is not null))]);
    }

    /// <summary>Working days from the day after the clock started to the day of the decision (0 when decided the same day).</summary>
    private static int WorkingDaysTaken(WorkingDayCalendar calendar, DateTimeOffset started, DateTimeOffset decided) =>
        Math.Max(0, calendar.WorkingDaysBetween(WorkingDayCalendar.LocalDate(started), WorkingDayCalendar.LocalDate(decided)));

    private static DateOnly ParseDate(string? text, DateOnly fallback, string pointer, List<FieldError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(pointer, "date", $"{pointer[2..]} is a date as yyyy-MM-dd.", "日期须为 yyyy-MM-dd 格式的有效日期。"));
        return fallback;
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double? Average(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2);
    }

    private static string Num(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
