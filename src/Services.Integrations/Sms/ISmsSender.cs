namespace OneThing.Integrations.Sms;

/// <summary>
/// Sends a text message to a phone (a provincial SMS gateway in production). Implemented by
/// <see cref="SmsGatewayClient"/> over HTTP; the sandbox gateway stores what it is sent and lists it.
/// </summary>
public interface ISmsSender
{
    /// <summary>Sends once per idempotency key (a repeat after a crash is not sent twice).</summary>
    Task<SmsReceipt> SendAsync(string phoneNumber, string text, string idempotencyKey, CancellationToken cancellationToken = default);
}

public sealed record SmsReceipt(string MessageId, DateTimeOffset AcceptedAt);
