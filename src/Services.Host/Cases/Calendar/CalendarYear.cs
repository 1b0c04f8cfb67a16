namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// One year of the official holiday arrangement: the days off and the weekend days worked instead
/// (调休上班). <paramref name="Source"/> names the notice it was copied from.
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, string? Source = null);
