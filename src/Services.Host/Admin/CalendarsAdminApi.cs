using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;

namespace OneThing.Host.Admin;

/// <summary>
/// The working-day calendar's versions for administrators: list them, read one, and publish or correct a year —
/// which never edits a version but writes the next one and makes it current (deadlines already computed keep
/// the version they name).
/// </summary>
public static class CalendarsAdminApi
{
    public static IEndpointRouteBuilder MapCalendarsAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/calendars")
            .WithTags("Admin · calendars · 节假日安排")
            .RequireAuthorization(AuthorizationPolicies.Admin);

        group.MapGet("/", ListAsync).WithName("ListCalendarVersions").WithSummary("Calendar versions, newest first · 工作日历版本");
        group.MapGet("/{version}", GetAsync).WithName("GetCalendarVersion").WithSummary("One version (number or name) with its years");
        group.MapPut("/years/{year:int}", PutYearAsync).WithName("PublishCalendarYear")
            .WithSummary("Add or replace a year: a new current version · 发布或更正年度节假日安排")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>A version in the list: the years it covers, not their days.</summary>
    public sealed record CalendarVersionSummary(
        int Number, string Version, bool IsCurrent, DateTimeOffset CreatedAt, string CreatedBy, string? CreatedByName, string Reason, IReadOnlyList<int> Years);

    /// <summary>A version with every year's holidays and make-up working days.</summary>
    public sealed record CalendarVersionDetail(
        int Number, string Version, bool IsCurrent, DateTimeOffset CreatedAt, string CreatedBy, string? CreatedByName, string Reason, IReadOnlyList<CalendarYear> Years)
    {
        public static CalendarVersionDetail From(CalendarVersion v, WorkingDayCalendar calendar) =>
            new(v.Number, v.Name, v.IsCurrent, v.CreatedAt, v.CreatedBy, v.CreatedByName, v.Reason, calendar.Years);
    }

    private static async Task<Ok<List<CalendarVersionSummary>>> ListAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await CalendarSeeder.EnsureSeededAsync(db, time.GetUtcNow(), cancellationToken);
        var versions = await db.Set<CalendarVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => new CalendarVersionSummary(v.Number, v.Name, v.IsCurrent, v.CreatedAt, v.CreatedBy, v.CreatedByName, v.Reason,
            [.. v.ToCalendar().Years.Select(y => y.Year)])).ToList());
    }

    private static async Task<Ok<CalendarVersionDetail>> GetAsync(string version, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await CalendarSeeder.EnsureSeededAsync(db, time.GetUtcNow(), cancellationToken);
        var query = db.Set<CalendarVersion>().AsNoTracking();
        var found = int.TryParse(version, out var number)
            ? await query.SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
            : await query.SingleOrDefaultAsync(v => v.Name == version, cancellationToken);
        return found is null
            ? throw new ProblemException(Problems.NotFound, "No calendar version has this number or name.", "没有该版本的工作日历。")
            : TypedResults.Ok(CalendarVersionDetail.From(found, found.ToCalendar()));
    }

    private static async Task<Created<CalendarVersionDetail>> PutYearAsync(int year, CalendarYearRequest request, ClaimsPrincipal user, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = request.Validate(year, out var data);
        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        var now = time.GetUtcNow();
        await CalendarSeeder.EnsureSeededAsync(db, now, cancellationToken);
        var current = await db.Set<CalendarVersion>().Where(v => v.IsCurrent).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        var number = await db.Set<CalendarVersion>().MaxAsync(v => v.Number, cancellationToken) + 1;
        var basis = current.ToCalendar();
        var calendar = basis.WithYear(CalendarVersion.NameFor(number, basis.Years.Select(y => y.Year).Append(year)), data!);

        var actor = WorkflowsAdminApi.Actor(user);
        var actorName = await db.Users.Where(u => u.Id == actor).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var next = CalendarVersion.Of(calendar, number, now, actor, actorName, request.Reason!.Trim(), isCurrent: true);
        current.IsCurrent = false;
        db.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator's change took this version number first.
            throw new ProblemException(Problems.Conflict, "The calendar changed meanwhile; load it again and repeat the change.",
                "工作日历刚被他人修改，请刷新后重新提交。");
        }

        return TypedResults.Created($"/api/v1/admin/calendars/{number}", CalendarVersionDetail.From(next, calendar));
    }
}
