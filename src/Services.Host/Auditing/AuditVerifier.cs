using Microsoft.EntityFrameworkCore;
using OneThing.Host.Persistence;

namespace OneThing.Host.Auditing;

/// <summary>What is wrong at the first broken link.</summary>
public static class AuditBreaks
{
    /// <summary>The stored hash is not the hash of the stored fields: the row was edited.</summary>
    public const string HashMismatch = "hash_mismatch";

    /// <summary>The row's previous hash is not the stored hash of the event before it: a row was edited and rehashed, or replaced.</summary>
    public const string PreviousHashMismatch = "previous_hash_mismatch";

    /// <summary>A sequence number is absent: the row was deleted (or the chain's tail, per the head).</summary>
    public const string MissingSequence = "missing_sequence";
}

/// <summary>The first broken link of the chain.</summary>
/// <param name="Sequence">The sequence where the chain breaks (for a missing row, the missing number).</param>
/// <param name="Id">The offending row's id (for a missing row, the id of the next row found, if any).</param>
public sealed record AuditBreak(long Sequence, long? Id, string Problem, string Detail);

/// <param name="Intact">No link is broken.</param>
/// <param name="Checked">Chained events checked.</param>
/// <param name="Unchained">Events recorded but not chained yet (chained within seconds by any node).</param>
public sealed record AuditVerification(bool Intact, long Checked, long LastSequence, string LastHash, long Unchained, AuditBreak? FirstBreak, DateTimeOffset VerifiedAt);

/// <summary>
/// Walks the chain by sequence from 1, recomputing each event's hash and comparing it with the stored hash and with
/// the next event's previous hash; then compares the end with the head, so deleting the newest events is caught too.
/// Stops at the first broken link and names it.
/// </summary>
public sealed class AuditVerifier(AuditChainer chainer, AppDbContext db, TimeProvider time)
{
    private const int Page = 2000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await chainer.ChainAsync(cancellationToken);
        var events = db.Set<AuditEvent>().AsNoTracking();
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var expected = 1L;
        var previous = AuditHash.Genesis;
        long checkedCount = 0;
        AuditBreak? broken = null;
        while (broken is null)
        {
            var from = expected;
            var page = await events.Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(Page).ToListAsync(cancellationToken);
            foreach (var e in page)
            {
                if (e.Sequence != expected)
                {
                    broken = new AuditBreak(expected, e.Id, AuditBreaks.MissingSequence,
                        $"Sequence {expected} is missing{(e.Sequence - expected > 1 ? $" (through {e.Sequence - 1})" : string.Empty)}: the next event present is {e.Sequence} (id {e.Id}).");
                    break;
                }

                checkedCount++;
                if (AuditHash.Compute(e) != e.Hash)
                {
                    broken = new AuditBreak(expected, e.Id, AuditBreaks.HashMismatch,
                        $"Event {e.Sequence} (id {e.Id}) does not hash to its stored hash: a field was changed after chaining.");
                    break;
                }

                if (e.PreviousHash != previous)
                {
                    broken = new AuditBreak(expected, e.Id, AuditBreaks.PreviousHashMismatch,
                        $"Event {e.Sequence} (id {e.Id}) names previous hash {e.PreviousHash}, but event {expected - 1} hashes to {previous}.");
                    break;
                }

                previous = e.Hash!;
                expected++;
            }

            if (page.Count < Page)
            {
                break;
            }
        }

        var last = expected - 1;
        if (broken is null && head is not null && head.LastSequence != last)
        {
            broken = head.LastSequence > last
                ? new AuditBreak(last + 1, null, AuditBreaks.MissingSequence,
                    $"The chain head records {head.LastSequence} events but the chain ends at {last}: the newest events were deleted.")
                : new AuditBreak(head.LastSequence + 1, null, AuditBreaks.PreviousHashMismatch,
                    $"The chain runs to {last} but its head records {head.LastSequence}: the head was changed.");
        }
        else if (broken is null && head is not null && head.LastHash != previous)
        {
            broken = new AuditBreak(last, null, AuditBreaks.PreviousHashMismatch, $"The chain head's hash is not the hash of event {last}.");
        }

        var unchained = await events.LongCountAsync(e => e.Sequence == null, cancellationToken);
        return new AuditVerification(broken is null, checkedCount, last, previous, unchained, broken, time.GetUtcNow());
    }
}
