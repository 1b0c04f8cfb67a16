namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// Beijing time (Asia/Shanghai), the clock every legal deadline is read on. Falls back to a fixed +08:00 zone
/// where the host has no time-zone database (slim containers); China has kept +08:00 without daylight saving since 1991.
/// </summary>
public static class ChinaTime
{
    /// <summary>The last instant of a day that deadlines use: 23:59:59.999, not the last tick, so that the value
    /// survives databases that keep only micro- or milliseconds (PostgreSQL, JSON clients) without rolling to the next day.</summary>
    public static readonly TimeOnly EndOfDayTime = new(23, 59, 59, 999);

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>The calendar date in Beijing at <paramref name="instant"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Today's date in Beijing.</summary>
    public static DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow());

    /// <summary>The last instant of <paramref name="date"/> in Beijing (see <see cref="EndOfDayTime"/>).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var local = date.ToDateTime(EndOfDayTime);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The first instant of <paramref name="date"/> in Beijing, as UTC (for range queries on stored instants).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
