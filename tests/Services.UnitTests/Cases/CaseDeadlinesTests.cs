using OneThing.Host.Cases;

namespace OneThing.UnitTests.Cases;

/// <summary>A matter's deadlines as they are stored: the end of the last working day in Beijing, as a UTC instant.</summary>
public sealed class CaseDeadlinesTests
{
    [Fact]
    public void Deadlines_end_on_the_last_working_day_in_Beijing_and_are_UTC_instants()
    {
        // Accepted on Friday 2026-02-13 at 17:30 Beijing time; Sat 2/14 is a make-up working day, 2/15–2/23 are off.
        var accepted = new DateTimeOffset(2026, 2, 13, 9, 30, 0, TimeSpan.Zero);

        var deadlines = CaseDeadlines.From(accepted, promisedDays: 1, statutoryDays: 2);

        Assert.Equal(TimeSpan.Zero, deadlines.Promised.Offset);
        Assert.Equal(TimeSpan.Zero, deadlines.Statutory.Offset);
        Assert.Equal(new DateTimeOffset(2026, 2, 14, 15, 59, 59, 999, TimeSpan.Zero), deadlines.Promised);
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 15, 59, 59, 999, TimeSpan.Zero), deadlines.Statutory);
    }
}
