using Microsoft.EntityFrameworkCore;
using OneThing.Host.Persistence;

namespace OneThing.Host.Cases.Calendar;

/// <summary>Stores the shipped calendar as version 1 when no version is stored yet.</summary>
internal sealed class CalendarSeeder(AppDbContext db, TimeProvider time) : IDataSeeder
{
    public int Order => 0;

    public Task SeedAsync(CancellationToken cancellationToken) => EnsureSeededAsync(db, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Adds version 1 (<see cref="CalendarVersion.Shipped"/>) to an empty table and saves it; returns whether it did.
    /// A concurrent seeding wins the unique version number and this one stands back.
    /// </summary>
    public static async Task<bool> EnsureSeededAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Set<CalendarVersion>().AnyAsync(cancellationToken))
        {
            return false;
        }

        var shipped = CalendarVersion.Shipped(now);
        db.Add(shipped);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(shipped).State = EntityState.Detached;
            if (await db.Set<CalendarVersion>().AnyAsync(cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
