using System.Globalization;
using System.Text;
using OneThing.Host.Cases.Calendar;

namespace OneThing.UnitTests.Cases;

/// <summary>
/// The legal clock's calendar against the State Council's 2025 and 2026 holiday notices: days off, make-up
/// working days, counting from the day after acceptance, year boundaries and unpublished years.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Spring Festival 2026: Sat 2/14 worked, 2/15 (Sun) – 2/23 (Mon) off, Sat 2/28 worked.
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    // New Year 2026: Thu 1/1 – Sat 1/3 off, Sun 1/4 worked.
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-03", false)]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-01-05", true)]
    // The other 2026 make-up days (Saturdays and a Sunday) and holidays, including one on a weekday Friday.
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-11", false)]
    // 2025: make-up Sundays 1/26, 4/27, 9/28 and Saturdays 2/8, 10/11.
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-26", true)]
    [InlineData("2025-01-27", true)]
    [InlineData("2025-01-28", false)]
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-02-09", false)]
    [InlineData("2025-04-04", false)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-05-05", false)]
    [InlineData("2025-05-06", true)]
    [InlineData("2025-06-02", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-09", true)]
    [InlineData("2025-10-11", true)]
    // An ordinary weekend and weekday.
    [InlineData("2025-03-08", false)]
    [InlineData("2025-03-10", true)]
    public void Official_holidays_and_make_up_working_days_are_applied(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void A_published_year_has_365_days_less_104_weekend_days_less_13_statutory_holidays(int year)
    {
        Assert.True(Calendar.IsPublished(year));
        Assert.Equal(248, Calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    // Counting starts the day after acceptance; a Thursday before the Spring Festival 2026.
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")] // the make-up Saturday counts
    [InlineData("2026-02-12", 3, "2026-02-24")] // the whole holiday is skipped
    [InlineData("2026-02-12", 7, "2026-02-28")] // make-up Saturday at the end of the week
    [InlineData("2026-02-12", 8, "2026-03-02")]
    [InlineData("2026-02-14", 1, "2026-02-24")] // accepted on a make-up Saturday
    [InlineData("2026-02-18", 1, "2026-02-24")] // accepted during the holiday (online, or a duty window)
    // Friday acceptance: the weekend is not counted.
    [InlineData("2025-03-07", 1, "2025-03-10")]
    [InlineData("2025-03-07", 5, "2025-03-14")]
    [InlineData("2025-03-07", 6, "2025-03-17")]
    [InlineData("2025-04-25", 1, "2025-04-27")] // …unless the Sunday is a make-up day
    // A limit that would end inside National Day 2025 moves past it.
    [InlineData("2025-09-24", 5, "2025-09-30")]
    [InlineData("2025-09-24", 6, "2025-10-09")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2025-10-09", 2, "2025-10-11")]
    // Labour Day 2026 and its make-up Saturday.
    [InlineData("2026-04-30", 1, "2026-05-06")]
    [InlineData("2026-04-30", 4, "2026-05-09")]
    // Year boundary: 2026-01-01–03 off, Sunday 01-04 worked.
    [InlineData("2025-12-30", 1, "2025-12-31")]
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2025-12-31", 2, "2026-01-05")]
    [InlineData("2025-12-31", 20, "2026-01-29")]
    // The statutory 30 working days of a property registration across the Spring Festival.
    [InlineData("2026-02-02", 30, "2026-03-20")]
    // Zero days (即办): the acceptance day itself, or the next working day.
    [InlineData("2026-02-13", 0, "2026-02-13")]
    [InlineData("2026-02-20", 0, "2026-02-24")]
    public void Deadlines_count_working_days_from_the_day_after_acceptance(string accepted, int days, string due)
    {
        var result = Calendar.AddWorkingDays(D(accepted), days);
        Assert.Equal(D(due), result.Due);
        Assert.False(result.Provisional);
        Assert.Equal("cn-2025-2026.1", result.Version);
    }

    [Theory]
    [InlineData("2026-12-31", 1, "2027-01-01", true)] // 2027 not published: weekends only, flagged
    [InlineData("2026-12-30", 1, "2026-12-31", false)]
    [InlineData("2026-12-31", 2, "2027-01-04", true)]
    [InlineData("2027-03-05", 3, "2027-03-10", true)]
    [InlineData("2026-12-31", 0, "2026-12-31", false)]
    [InlineData("2027-01-02", 0, "2027-01-04", true)]
    [InlineData("2024-12-31", 1, "2025-01-02", false)] // accepted in an unpublished year, but every day counted is published
    public void A_year_without_data_falls_back_to_weekends_and_is_provisional(string accepted, int days, string due, bool provisional)
    {
        var result = Calendar.AddWorkingDays(D(accepted), days);
        Assert.Equal(D(due), result.Due);
        Assert.Equal(provisional, result.Provisional);
        Assert.False(Calendar.IsPublished(2027));
    }

    [Theory]
    [InlineData("2026-02-12", "2026-02-24", 3)]
    [InlineData("2026-02-24", "2026-02-24", 0)] // due today: nothing left, not yet overdue
    [InlineData("2026-02-13", "2026-02-24", 2)] // Saturday 2/14 and Tuesday 2/24
    [InlineData("2026-02-26", "2026-02-24", -2)] // two working days overdue (2/25, 2/26)
    [InlineData("2026-02-24", "2026-02-13", -2)]
    [InlineData("2026-02-22", "2026-02-20", 0)] // both inside the holiday
    [InlineData("2025-12-31", "2026-01-05", 2)]
    [InlineData("2026-01-05", "2025-12-31", -2)]
    public void Remaining_working_days_are_negative_when_overdue(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void Remaining_days_on_acceptance_equal_the_limit_for_every_start_day_in_2025_and_2026()
    {
        for (var accepted = new DateOnly(2025, 1, 1); accepted.Year < 2027; accepted = accepted.AddDays(1))
        {
            foreach (var days in (int[])[1, 3, 5, 20, 30])
            {
                var due = Calendar.AddWorkingDays(accepted, days).Due;
                Assert.True(Calendar.IsWorkingDay(due), $"{accepted} + {days} = {due}");
                Assert.Equal(days, Calendar.WorkingDaysBetween(accepted, due));
            }
        }
    }

    [Fact]
    public void A_deadline_expires_at_the_end_of_its_day_in_Beijing()
    {
        var end = WorkingDayCalendar.EndOfWorkingDay(D("2026-02-24"));
        Assert.Equal(TimeSpan.FromHours(8), end.Offset);
        Assert.Equal(new DateTime(2026, 2, 24, 23, 59, 59, 999), end.DateTime);
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 15, 59, 59, 999, TimeSpan.Zero), end.ToUniversalTime());
        Assert.Equal(D("2026-02-24"), WorkingDayCalendar.LocalDate(end));
        Assert.Equal(D("2026-02-25"), WorkingDayCalendar.LocalDate(end.AddMilliseconds(1)));
    }

    [Theory]
    [InlineData("2026-02-23T15:59:59Z", "2026-02-23")]
    [InlineData("2026-02-23T16:00:00Z", "2026-02-24")] // midnight in Beijing
    [InlineData("2026-02-24T00:30:00+08:00", "2026-02-24")]
    [InlineData("2026-02-24T09:00:00-05:00", "2026-02-24")] // 22:00 in Beijing
    [InlineData("2026-02-24T11:00:00-05:00", "2026-02-25")]
    public void Local_dates_are_read_on_Beijing_time(string instant, string date) =>
        Assert.Equal(D(date), WorkingDayCalendar.LocalDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

    [Fact]
    public void A_calendar_is_built_from_data_and_carries_its_version()
    {
        var json = """
            { "version": "test-2027.1", "years": [ { "year": 2027, "holidays": [ { "name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01", "to": "2027-01-03" } ], "makeUpWorkingDays": [ "2027-01-09" ] } ] }
            """;
        var calendar = WorkingDayCalendar.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("test-2027.1", calendar.Version);
        Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2027-01-09")));
        Assert.Equal(new WorkingDayResult(D("2027-01-04"), false, "test-2027.1"), calendar.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(new WorkingDayResult(D("2027-01-04"), true, "test-2027.1"), calendar.AddWorkingDays(D("2026-12-30"), 2)); // 2026-12-31 counted on weekends only
        Assert.Equal("元旦", Assert.Single(Assert.Single(calendar.Years).Holidays).Name);
    }

    [Fact]
    public void Inconsistent_calendar_data_is_refused()
    {
        static CalendarYear Year(int year, Holiday[] holidays, DateOnly[] makeUp) => new(year, holidays, makeUp);
        var newYear = new Holiday("元旦", "New Year's Day", D("2027-01-01"), D("2027-01-01"));

        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Create("x", [Year(2027, [], [D("2027-01-05")])])); // a Tuesday
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Create("x", [Year(2027, [newYear with { To = D("2027-01-03") }], [D("2027-01-02")])]));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Create("x", [Year(2027, [newYear with { From = D("2026-12-31") }], [])]));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Create("x", [Year(2027, [newYear with { To = D("2026-12-31") }], [])]));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Create("x", [Year(2027, [], []), Year(2027, [], [])]));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.Create(" ", [Year(2027, [], [])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-01-05"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-01-05"), WorkingDayCalendar.MaxDays + 1));
    }
}
