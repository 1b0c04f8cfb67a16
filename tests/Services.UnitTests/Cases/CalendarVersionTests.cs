using System.Globalization;
using OneThing.Host.Admin;
using OneThing.Host.Cases.Calendar;

namespace OneThing.UnitTests.Cases;

/// <summary>
/// How a new calendar version is made: a year added or replaced on top of the current data (which does not change),
/// named after the years it covers and its number, stored and read back whole; and what an administrator's year is
/// refused for, field by field. The 2027 data here is illustrative, not the State Council's notice.
/// </summary>
public sealed class CalendarVersionTests
{
    private static readonly CalendarYear Illustrative2027 = new(2027,
        [new Holiday("元旦", "New Year's Day", D("2027-01-01"), D("2027-01-03")), new Holiday("春节", "Spring Festival", D("2027-02-06"), D("2027-02-12"))],
        [D("2027-02-14")]);

    [Fact]
    public void Adding_a_year_makes_a_new_calendar_and_leaves_the_current_one_as_it_was()
    {
        var current = WorkingDayCalendar.Default;

        var next = current.WithYear(CalendarVersion.NameFor(2, [2025, 2026, 2027]), Illustrative2027);

        Assert.Equal("cn-2025-2027.2", next.Version);
        Assert.Equal([2025, 2026, 2027], next.Years.Select(y => y.Year));
        Assert.Equal(new WorkingDayResult(D("2027-02-16"), false, "cn-2025-2027.2"), next.AddWorkingDays(D("2027-02-05"), 3)); // Sun 2/14 is worked
        Assert.False(next.IsWorkingDay(D("2026-02-16"))); // 2026 carried over
        Assert.False(current.IsPublished(2027));
        Assert.Equal(new WorkingDayResult(D("2027-02-10"), true, current.Version), current.AddWorkingDays(D("2027-02-05"), 3));
    }

    [Fact]
    public void Replacing_a_year_keeps_the_other_years_and_uses_only_the_new_data_for_that_year()
    {
        // A mid-year change: 2026 gets an extra day off on Monday 2026-11-30, and loses nothing else.
        var year2026 = WorkingDayCalendar.Default.Years.Single(y => y.Year == 2026);
        var changed = year2026 with { Holidays = [.. year2026.Holidays, new Holiday("示例", "Example", D("2026-11-30"), D("2026-11-30"))] };

        var next = WorkingDayCalendar.Default.WithYear("cn-2025-2026.2", changed);

        Assert.Equal([2025, 2026], next.Years.Select(y => y.Year));
        Assert.False(next.IsWorkingDay(D("2026-11-30")));
        Assert.True(WorkingDayCalendar.Default.IsWorkingDay(D("2026-11-30")));
        Assert.True(next.IsWorkingDay(D("2026-02-14"))); // the make-up Saturday is still there
        Assert.False(next.IsWorkingDay(D("2025-10-08")));
    }

    [Fact]
    public void A_stored_version_reads_back_as_the_same_calendar()
    {
        var calendar = WorkingDayCalendar.Default.WithYear("cn-2025-2027.2", Illustrative2027);
        var at = new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

        var stored = CalendarVersion.Of(calendar, 2, at, "admin-id", "管理员", "国务院办公厅通知（示例）", isCurrent: true);
        var read = stored.ToCalendar();

        Assert.Equal("cn-2025-2027.2", stored.Name);
        Assert.Equal(2, stored.Number);
        Assert.True(stored.IsCurrent);
        Assert.Equal(read.Version, calendar.Version);
        Assert.Equal(calendar.Years.Select(y => (y.Year, y.Holidays.Count, y.MakeUpWorkingDays.Count)), read.Years.Select(y => (y.Year, y.Holidays.Count, y.MakeUpWorkingDays.Count)));
        for (var day = D("2025-01-01"); day <= D("2027-12-31"); day = day.AddDays(1))
        {
            Assert.Equal(calendar.IsWorkingDay(day), read.IsWorkingDay(day));
        }
    }

    [Fact]
    public void Version_one_is_the_shipped_calendar_under_its_shipped_name()
    {
        var shipped = CalendarVersion.Shipped(DateTimeOffset.UnixEpoch);

        Assert.Equal(1, shipped.Number);
        Assert.Equal(WorkingDayCalendar.Default.Version, shipped.Name);
        Assert.Equal(CalendarVersion.NameFor(1, [2025, 2026]), shipped.Name);
        Assert.True(shipped.IsCurrent);
        Assert.Equal([2025, 2026], shipped.ToCalendar().Years.Select(y => y.Year));
    }

    [Fact]
    public void Check_names_every_inconsistency_with_the_position_at_fault()
    {
        var year = new CalendarYear(2027,
            [new Holiday("春节", "Spring Festival", D("2027-02-12"), D("2027-02-06")), new Holiday("元旦", "New Year's Day", D("2026-12-31"), D("2027-01-01"))],
            [D("2027-02-15"), D("2027-02-13"), D("2028-01-01"), D("2027-02-14")]);

        var issues = WorkingDayCalendar.Check(year);

        Assert.Equal(
            [(CalendarYearIssueKind.HolidayReversed, 0), (CalendarYearIssueKind.HolidayOutsideYear, 1), (CalendarYearIssueKind.MakeUpNotWeekend, 0), (CalendarYearIssueKind.MakeUpOutsideYear, 2)],
            issues.Select(i => (i.Kind, i.Index)));
        Assert.All(issues, i => Assert.False(string.IsNullOrEmpty(i.DetailZh)));
        Assert.Empty(WorkingDayCalendar.Check(Illustrative2027));
        var onHoliday = Assert.Single(WorkingDayCalendar.Check(Illustrative2027 with { MakeUpWorkingDays = [D("2027-02-06")] }));
        Assert.Equal((CalendarYearIssueKind.MakeUpOnHoliday, 0), (onHoliday.Kind, onHoliday.Index));
    }

    [Fact]
    public void A_valid_request_becomes_the_year_with_English_names_defaulting_to_the_Chinese()
    {
        var request = new CalendarYearRequest([new HolidayInput("2027-02-06", "2027-02-12", " 春节 ", null)], ["2027-02-14"], "示例通知 · illustrative", "国务院办公厅关于2027年部分节假日安排的通知（示例）");

        var errors = request.Validate(2027, out var year);

        Assert.Empty(errors);
        Assert.NotNull(year);
        Assert.Equal(new Holiday("春节", "春节", D("2027-02-06"), D("2027-02-12")), Assert.Single(year.Holidays));
        Assert.Equal([D("2027-02-14")], year.MakeUpWorkingDays);
        Assert.Equal("国务院办公厅关于2027年部分节假日安排的通知（示例）", year.Source);
    }

    [Fact]
    public void A_malformed_request_is_refused_field_by_field_before_the_calendar_rules()
    {
        var request = new CalendarYearRequest([new HolidayInput("2027-02-30", "2027-02-12", "", null), null], ["14/02/2027"], " ", null);

        var errors = request.Validate(1999, out var year);

        Assert.Null(year);
        Assert.Equal(
            [("#/year", "range"), ("#/reason", "required"), ("#/holidays/0/name", "required"), ("#/holidays/0/from", "date"), ("#/holidays/1", "required"), ("#/makeUpWorkingDays/0", "date")],
            errors.Select(e => (e.Pointer, e.Code)));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.DetailZh)));
        Assert.Equal(("#/holidays", "required"), new CalendarYearRequest([], null, "r", null).Validate(2027, out _).Select(e => (e.Pointer, e.Code)).Single());
    }

    [Fact]
    public void A_request_breaking_the_calendar_rules_points_at_the_holiday_or_day_at_fault()
    {
        var request = new CalendarYearRequest(
            [new HolidayInput("2027-02-06", "2027-02-12", "春节", "Spring Festival"), new HolidayInput("2027-05-05", "2027-05-01", "劳动节", "Labour Day"), new HolidayInput("2026-12-31", "2027-01-01", "元旦", null)],
            ["2027-02-15", "2027-02-06", "2026-12-27"], "示例", null);

        var errors = request.Validate(2027, out var year);

        Assert.Null(year);
        Assert.Equal(
            [("#/holidays/1/to", "reversed"), ("#/holidays/2", "outside_year"), ("#/makeUpWorkingDays/0", "not_weekend"), ("#/makeUpWorkingDays/1", "on_holiday"), ("#/makeUpWorkingDays/2", "outside_year")],
            errors.Select(e => (e.Pointer, e.Code)));
    }

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
