using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneThing.Workflows.Messages;
using OneThing.Workflows.Messaging;

namespace OneThing.Workflows.Runtime;

/// <summary>
/// Fires durable timers on every node. Due timers are claimed with a lease (a conditional UPDATE, as the
/// outbox does), and each claimed timer is deleted in the same commit that queues its
/// <see cref="ResumeBookmark"/> — so a timer produces exactly one resume message, whichever node fires it.
/// </summary>
public sealed class TimerDispatcher(IServiceScopeFactory scopes, IOptions<WorkflowsOptions> options, TimeProvider time, ILogger<TimerDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var fired = 0;
            try
            {
                fired = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Timer dispatch failed; retrying after the poll interval.");
            }

            if (fired < options.Value.TimerBatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.TimerPollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims the timers due now and queues their resumes; returns how many fired.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContextAccessor>().Context;
        var timers = db.Set<WorkflowTimer>();
        var now = time.GetUtcNow();

        var due = await timers
            .Where(t => t.DueAt <= now && (t.LockedUntil == null || t.LockedUntil < now))
            .OrderBy(t => t.DueAt)
            .Select(t => t.BookmarkId)
            .Take(options.Value.TimerBatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var claim = Guid.NewGuid().ToString("N");
        var leaseEnd = now + options.Value.TimerLease;
        await timers
            .Where(t => due.Contains(t.BookmarkId) && (t.LockedUntil == null || t.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LockedBy, claim).SetProperty(t => t.LockedUntil, leaseEnd), cancellationToken);

        var claimed = await timers.Where(t => t.LockedBy == claim).ToListAsync(cancellationToken);
        foreach (var timer in claimed)
        {
            Telemetry.DispatchLag.Record((now - timer.DueAt).TotalMilliseconds);
            timers.Remove(timer);
            db.Publish(new ResumeBookmark(timer.BookmarkId, null, null, "system:timer"), timer.InstanceId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return claimed.Count;
    }
}
