using Microsoft.AspNetCore.Http.HttpResults;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;

namespace OneThing.Host.Cases.Calendar;

/// <summary>The deadline calculator for clerks and administrators: a due date in working days from an acceptance date, on the current calendar version.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/calendar/deadline", DeadlineAsync)
            .WithTags("Calendar · 工作日")
            .WithName("ComputeDeadline")
            .WithSummary("Due date N working days after acceptance · 办理时限计算")
            .RequireAuthorization(AuthorizationPolicies.Staff)
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>The due date (and the instant it expires), the calendar version used, whether it is provisional, and the working days counted.</summary>
    public sealed record DeadlineView(
        DateOnly Accepted, int WorkingDays, DateOnly DueDate, DateTimeOffset DueAt, string CalendarVersion, bool Provisional, IReadOnlyList<DateOnly> DaysCounted);

    private static async Task<Ok<DeadlineView>> DeadlineAsync(string? accepted, string? workingDays, ICalendarProvider calendars,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!DateOnly.TryParseExact(accepted, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError("#/accepted", "date", "accepted is the acceptance date as yyyy-MM-dd.", "受理日期须为 yyyy-MM-dd 格式的有效日期。"));
        }

        if (!int.TryParse(workingDays, out var days) || days < 0 || days > WorkingDayCalendar.MaxDays)
        {
            errors.Add(new FieldError("#/workingDays", "range", $"workingDays is a whole number from 0 to {WorkingDayCalendar.MaxDays}.", $"工作日数须为 0 至 {WorkingDayCalendar.MaxDays} 的整数。"));
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        var calendar = await calendars.CurrentAsync(cancellationToken);
        var result = calendar.AddWorkingDays(date, days);
        var counted = new List<DateOnly>(days);
        for (var d = date.AddDays(1); d <= result.Due && days > 0; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                counted.Add(d);
            }
        }

        return TypedResults.Ok(new DeadlineView(date, days, result.Due, WorkingDayCalendar.EndOfWorkingDay(result.Due), result.Version, result.Provisional, counted));
    }
}
