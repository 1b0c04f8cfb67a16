using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneThing.Workflows.Messaging;

/// <summary>
/// Hands committed outbox rows to the bus, oldest first, and marks them sent. Runs on every node: each
/// batch is claimed with a lease (a conditional UPDATE), so two nodes never send the same rows at once,
/// and a node that dies mid-batch leaves rows another node takes over when the lease ends. A crash
/// between sending and marking sends again with the same message id, which the inbox ignores.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextCleanup = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchBatchAsync(stoppingToken);
                if (time.GetUtcNow() >= nextCleanup)
                {
                    await DeleteOldAsync(stoppingToken);
                    nextCleanup = time.GetUtcNow().AddHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the rows are safe where they are.
                logger.LogWarning(ex, "Outbox dispatch failed; retrying after the poll interval.");
                sent = 0;
            }

            if (sent < options.Value.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many rows it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContextAccessor>().Context;
        var outbox = db.Set<OutboxMessage>();
        var now = time.GetUtcNow();

        var candidates = await outbox
            .Where(m => m.DispatchedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var claim = Guid.NewGuid().ToString("N");
        var leaseEnd = now + options.Value.LeaseDuration;
        await outbox
            .Where(m => candidates.Contains(m.Id) && m.DispatchedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedBy, claim).SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);

        var batch = await outbox.Where(m => m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var message in batch)
        {
            await SendAsync(message, cancellationToken);
            // Marked one by one: a crash re-sends at most the message in flight.
            await db.SaveChangesAsync(cancellationToken);
        }

        return batch.Count;
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("outbox dispatch");
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("onething.outbox.type", message.MessageType);
        try
        {
            if (!options.Value.MessageTypes.TryResolve(message.MessageType, out var type))
            {
                throw new InvalidOperationException($"'{message.MessageType}' is not a registered message contract.");
            }

            var body = JsonSerializer.Deserialize(message.Body, type, OutboxMessageTypes.Json)
                ?? throw new InvalidOperationException("The stored message body is null.");

            void Stamp(SendContext context)
            {
                context.MessageId = message.MessageId;
                context.CorrelationId = message.CorrelationId;
            }

            if (message.Destination is null)
            {
                await bus.Publish(body, type, Stamp, cancellationToken);
            }
            else
            {
                var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{message.Destination}"));
                await endpoint.Send(body, type, Stamp, cancellationToken);
            }

            message.DispatchedAt = time.GetUtcNow();
            message.LockedBy = null;
            message.LockedUntil = null;
            message.LastError = null;
            Telemetry.OutboxDispatched.Add(1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.Attempts), MaxBackoff.TotalSeconds));
            message.LockedUntil = time.GetUtcNow() + backoff;
            message.LockedBy = null;
            Telemetry.OutboxFailures.Add(1);
            logger.LogWarning(ex, "Outbox message {MessageId} ({MessageType}) failed on attempt {Attempt}; next try in {Backoff}.",
                message.MessageId, message.MessageType, message.Attempts, backoff);
        }
    }

    private async Task DeleteOldAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContextAccessor>().Context;
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        await db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
