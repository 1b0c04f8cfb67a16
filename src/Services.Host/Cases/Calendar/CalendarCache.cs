using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// Built calendars by stored version id, for the life of the process. Versions are immutable and made by hand a few
/// times a year, so entries are never stale and the cache stays small.
/// </summary>
public sealed class CalendarCache
{
    private readonly ConcurrentDictionary<Guid, WorkingDayCalendar> _calendars = new();

    public bool TryGet(Guid id, [MaybeNullWhen(false)] out WorkingDayCalendar calendar) => _calendars.TryGetValue(id, out calendar);

    public WorkingDayCalendar Add(Guid id, WorkingDayCalendar calendar) => _calendars.GetOrAdd(id, calendar);
}
