using OneThing.Integrations.OutsideSystems;

namespace OneThing.Integrations.Sms;

/// <summary>
/// <see cref="ISmsSender"/> over the gateway's HTTP API: <c>POST {BaseUrl}messages</c> with
/// <c>{phoneNumber, text}</c> and an <c>Idempotency-Key</c>, answered with <c>{messageId, acceptedAt}</c>.
/// A refusal (422 not a mobile number, 409 key reused for another message) throws
/// <see cref="OutsideSystemRefusalException"/>; any other failure <see cref="OutsideSystemException"/>.
/// </summary>
public sealed class SmsGatewayClient(HttpClient http, IOutsideSystemAddresses addresses) : ISmsSender
{
    public async Task<SmsReceipt> SendAsync(string phoneNumber, string text, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = addresses.Request(OutsideSystem.Sms, HttpMethod.Post, "messages", new SmsBody(phoneNumber, text), idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await response.ReadAsync<SmsReceipt>(OutsideSystem.Sms, cancellationToken);
    }

    private sealed record SmsBody(string PhoneNumber, string Text);
}
