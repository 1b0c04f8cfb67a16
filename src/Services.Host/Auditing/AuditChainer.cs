using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneThing.Host.Persistence;

namespace OneThing.Host.Auditing;

/// <summary>
/// Links unchained events into the chain. Each round is one transaction that first updates the
/// <see cref="AuditChainHead"/> row — the database holds that row's lock until commit, so on any number of nodes one
/// chainer works at a time and the next sees what it committed — then takes the unchained events in id order, gives
/// each the next sequence number, the previous event's hash and its own hash, and moves the head.
/// </summary>
/// <remarks>
/// Ids are handed out before commit, so a transaction that took id 10 may commit after one that took id 11; a round
/// then chains 11 and a later round chains 10 with a higher sequence. The chain order is the order events became
/// visible, which is why sequence is not the id and verification walks by sequence.
/// </remarks>
public sealed class AuditChainer(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditChainer> logger)
{
    /// <summary>Chains everything visible now; returns how many events were chained.</summary>
    public async Task<int> ChainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var chained = await ChainBatchAsync(cancellationToken);
            total += chained;
            if (chained < options.Value.ChainBatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> ChainBatchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                var strategy = db.Database.CreateExecutionStrategy();
                return await strategy.ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var now = time.GetUtcNow();
                    var node = options.Value.NodeName;
                    // The lock: whoever updates the head row first holds it until commit; the others wait here.
                    var locked = await db.Set<AuditChainHead>().Where(h => h.Id == AuditChainHead.SingletonId)
                        .ExecuteUpdateAsync(set => set.SetProperty(h => h.ChainedBy, node).SetProperty(h => h.ChainedAt, now), cancellationToken);
                    if (locked == 0)
                    {
                        // First use (or a database whose trail was emptied): create the head; a racing node's insert fails on the key.
                        db.Set<AuditChainHead>().Add(new AuditChainHead { ChainedBy = node, ChainedAt = now });
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    var head = await db.Set<AuditChainHead>().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
                    var batch = await db.Set<AuditEvent>().Where(e => e.Sequence == null).OrderBy(e => e.Id)
                        .Take(options.Value.ChainBatchSize).ToListAsync(cancellationToken);
                    foreach (var e in batch)
                    {
                        e.Sequence = head.LastSequence + 1;
                        e.PreviousHash = head.LastHash;
                        e.Hash = AuditHash.Compute(e);
                        head.LastSequence = e.Sequence.Value;
                        head.LastHash = e.Hash;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return batch.Count;
                });
            }
            catch (DbUpdateException ex) when (attempt < 5)
            {
                // Two nodes created the head at once, or a sequence was taken meanwhile: the loser starts the round again.
                logger.LogDebug(ex, "Audit chaining round {Attempt} lost a race; trying again.", attempt);
            }
        }
    }
}
