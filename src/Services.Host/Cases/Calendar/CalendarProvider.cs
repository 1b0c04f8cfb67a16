using Microsoft.EntityFrameworkCore;
using OneThing.Host.Persistence;

namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// Reads calendar versions from the database. Which version is current is asked on every call (one indexed
/// single-row query), so a change made on any node applies on every node at once; the built calendars are kept in
/// <see cref="CalendarCache"/>, which needs no invalidation because a stored version never changes.
/// </summary>
internal sealed class CalendarProvider(AppDbContext db, CalendarCache cache) : ICalendarProvider
{
    public async Task<WorkingDayCalendar> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var id = await db.Set<CalendarVersion>().AsNoTracking().Where(v => v.IsCurrent)
            .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? WorkingDayCalendar.Default : await LoadAsync(id.Value, cancellationToken);
    }

    public async Task<WorkingDayCalendar?> FindAsync(string version, CancellationToken cancellationToken = default)
    {
        var id = await db.Set<CalendarVersion>().AsNoTracking().Where(v => v.Name == version)
            .Select(v => (Guid?)v.Id).SingleOrDefaultAsync(cancellationToken);
        return id is not null ? await LoadAsync(id.Value, cancellationToken)
            : version == WorkingDayCalendar.Default.Version ? WorkingDayCalendar.Default
            : null;
    }

    private async Task<WorkingDayCalendar> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (cache.TryGet(id, out var calendar))
        {
            return calendar;
        }

        var version = await db.Set<CalendarVersion>().AsNoTracking().SingleAsync(v => v.Id == id, cancellationToken);
        return cache.Add(id, version.ToCalendar());
    }
}
