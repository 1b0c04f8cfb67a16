using Microsoft.Extensions.Options;

namespace OneThing.Host.Auditing;

/// <summary>
/// Runs <see cref="AuditChainer"/> on every node at <see cref="AuditOptions.ChainInterval"/>. Running on every node is
/// safe (the head row serializes them) and means the trail keeps being chained while any node is up.
/// </summary>
public sealed class AuditChainWorker(AuditChainer chainer, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditChainWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await chainer.ChainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Chaining audit events failed; retrying after the interval.");
            }

            try
            {
                await Task.Delay(options.Value.ChainInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
