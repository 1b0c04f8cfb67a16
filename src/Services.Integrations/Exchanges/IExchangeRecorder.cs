namespace OneThing.Integrations.Exchanges;

/// <summary>Where <see cref="ExchangeAuditHandler"/> reports each exchange; the host writes them to its audit trail.</summary>
public interface IExchangeRecorder
{
    Task RecordAsync(OutsideExchange exchange, CancellationToken cancellationToken);
}
