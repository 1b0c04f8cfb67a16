namespace OneThing.Integrations.Exchanges;

/// <summary>The default when no host records exchanges (the integrations used on their own).</summary>
internal sealed class NoExchangeRecorder : IExchangeRecorder
{
    public Task RecordAsync(OutsideExchange exchange, CancellationToken cancellationToken) => Task.CompletedTask;
}
