namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// A controllable clock for hosts in tests: the real clock plus an offset the test moves forward. Unlike a
/// frozen fake clock, delays and timers still run in real time, so a host's dispatchers keep polling while
/// "now" jumps ahead by days.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves "now" forward to <paramref name="instant"/> (never backwards).</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var needed = instant - System.GetUtcNow();
        if (needed > Offset)
        {
            Interlocked.Exchange(ref _offsetTicks, needed.Ticks);
        }
    }

    /// <summary>Sets "now" to <paramref name="instant"/> (earlier or later than the real clock); it then runs on from there.</summary>
    public void SetNow(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
