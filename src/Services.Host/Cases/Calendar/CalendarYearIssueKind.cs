namespace OneThing.Host.Cases.Calendar;

/// <summary>What can be wrong with one year of calendar data (see <see cref="WorkingDayCalendar.Check"/>).</summary>
public enum CalendarYearIssueKind
{
    HolidayOutsideYear,
    HolidayReversed,
    MakeUpOutsideYear,
    MakeUpNotWeekend,
    MakeUpOnHoliday,
}
