namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// The working-day calendar that deadlines are computed on: the current version for new deadlines and remaining
/// days, any earlier version to explain a recorded deadline.
/// </summary>
public interface ICalendarProvider
{
    /// <summary>The current version; the shipped calendar while no version is stored.</summary>
    Task<WorkingDayCalendar> CurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>The version named <paramref name="version"/> (<see cref="WorkingDayCalendar.Version"/>), or null when there is none.</summary>
    Task<WorkingDayCalendar?> FindAsync(string version, CancellationToken cancellationToken = default);
}
