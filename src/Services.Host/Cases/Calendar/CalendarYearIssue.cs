namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// One inconsistency in a year's data: its kind, the position of the holiday or make-up working day at fault
/// (<see cref="CalendarYear.Holidays"/> or <see cref="CalendarYear.MakeUpWorkingDays"/>), in English and Chinese.
/// </summary>
public sealed record CalendarYearIssue(CalendarYearIssueKind Kind, int Index, string Detail, string DetailZh)
{
    /// <summary>Whether the issue is about a holiday span (otherwise about a make-up working day).</summary>
    public bool IsHoliday => Kind is CalendarYearIssueKind.HolidayOutsideYear or CalendarYearIssueKind.HolidayReversed;
}
