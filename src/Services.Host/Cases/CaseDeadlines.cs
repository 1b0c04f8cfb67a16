using OneThing.Host.Cases.Calendar;

namespace OneThing.Host.Cases;

/// <summary>
/// A matter's or case's deadlines from the moment its clock starts: the promised and statutory limits in
/// working days, counted from the day after (Asia/Shanghai), each ending at the end of its last working day.
/// The instants are UTC, like every instant we store: PostgreSQL's <c>timestamptz</c> refuses other offsets and
/// SQLite's sortable encoding orders mixed offsets wrongly.
/// </summary>
public sealed record CaseDeadlines(DateTimeOffset Promised, DateTimeOffset Statutory, bool Provisional, string CalendarVersion)
{
    /// <summary>
    /// The deadlines on <paramref name="calendar"/>: pass <see cref="Calendar.ICalendarProvider.CurrentAsync"/>'s, so the
    /// recorded <see cref="CalendarVersion"/> is the current version (without one, the shipped calendar is used).
    /// </summary>
    public static CaseDeadlines From(DateTimeOffset clockStart, int promisedDays, int statutoryDays, WorkingDayCalendar? calendar = null)
    {
        calendar ??= WorkingDayCalendar.Default;
        var start = WorkingDayCalendar.LocalDate(clockStart);
        var promised = calendar.AddWorkingDays(start, promisedDays);
        var statutory = calendar.AddWorkingDays(start, Math.Max(statutoryDays, promisedDays));
        return new CaseDeadlines(
            WorkingDayCalendar.EndOfWorkingDay(promised.Due).ToUniversalTime(),
            WorkingDayCalendar.EndOfWorkingDay(statutory.Due).ToUniversalTime(),
            promised.Provisional || statutory.Provisional,
            promised.Version);
    }

    /// <summary>Working days left until <paramref name="due"/> (0 on the last day, negative when overdue), on the current calendar when given.</summary>
    public static int RemainingWorkingDays(DateTimeOffset now, DateTimeOffset due, WorkingDayCalendar? calendar = null) =>
        (calendar ?? WorkingDayCalendar.Default).WorkingDaysBetween(WorkingDayCalendar.LocalDate(now), WorkingDayCalendar.LocalDate(due));
}
