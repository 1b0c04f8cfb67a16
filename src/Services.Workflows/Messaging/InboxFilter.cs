using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OneThing.Workflows.Messaging;

/// <summary>
/// Makes every consumer on an endpoint process a given message id once. The inbox row and the consumer's
/// changes commit in one transaction: a repeat delivery finds the row and is acknowledged without running
/// the consumer; two copies racing both run, the second fails on the key and its retry then sees the row.
/// </summary>
public sealed class InboxFilter<T>(DbContextAccessor accessor, TimeProvider time, ILogger<InboxFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.MessageId is not { } messageId)
        {
            await next.Send(context);
            return;
        }

        var db = accessor.Context;
        var endpoint = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Endpoint == endpoint, context.CancellationToken))
        {
            Telemetry.InboxDuplicates.Add(1);
            logger.LogInformation("Message {MessageId} ({MessageType}) was already processed by {Endpoint}; skipped.",
                messageId, typeof(T).Name, endpoint);
            return;
        }

        if (db.Database.ProviderName == SqliteProvider)
        {
            // SQLite has one writer: a transaction opened here would hold the file's write lock while the
            // consumer calls outside systems that write to the same file (the sandbox's stand-ins on the
            // embedded default) — a deadlock. The embedded default runs one process on the in-memory bus,
            // where a message does not outlive a crash anyway, so the row is recorded after the consumer.
            await next.Send(context);
            db.Set<InboxMessage>().Add(new InboxMessage
            {
                MessageId = messageId,
                Endpoint = endpoint,
                MessageType = typeof(T).FullName!,
                ProcessedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
            try
            {
                db.Set<InboxMessage>().Add(new InboxMessage
                {
                    MessageId = messageId,
                    Endpoint = endpoint,
                    MessageType = typeof(T).FullName!,
                    ProcessedAt = time.GetUtcNow(),
                });
                // Written first, inside the transaction: a racing copy blocks on the key here, and a consumer
                // that resets its change tracker (optimistic-concurrency retries) cannot drop the row.
                await db.SaveChangesAsync(context.CancellationToken);
                await next.Send(context);
                await db.SaveChangesAsync(context.CancellationToken);
                await transaction.CommitAsync(context.CancellationToken);
            }
            catch
            {
                // The transaction rolls back; forget what the context believes it saved, so a retry
                // in the same scope starts clean instead of tripping over tracked "saved" rows.
                db.ChangeTracker.Clear();
                throw;
            }
        });
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}
