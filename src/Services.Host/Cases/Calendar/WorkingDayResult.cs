namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// A computed deadline. <see cref="Provisional"/> is true when a day counted lies in a year whose holidays are
/// not published yet (weekends only were skipped): recompute once the calendar for that year is loaded.
/// <see cref="Version"/> is the calendar version that computed it, to be stored with the deadline.
/// </summary>
public readonly record struct WorkingDayResult(DateOnly Due, bool Provisional, string Version);
