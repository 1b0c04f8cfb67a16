using System.Diagnostics;
using System.Security.Cryptography;

namespace OneThing.Integrations.Exchanges;

/// <summary>
/// Sits on every <see cref="HttpClient"/> of the integrations (inside the resilience pipeline, so each attempt is one
/// exchange) and reports method, address, status, duration and the SHA-256 of both bodies to
/// <see cref="IExchangeRecorder"/>. Bodies are buffered to be hashed; the adapters read them afterwards as usual.
/// </summary>
public sealed class ExchangeAuditHandler(IExchangeRecorder recorder) : DelegatingHandler
{
    /// <summary>Names the system a request goes to (the adapters set it; the audit event's purpose).</summary>
    public static readonly HttpRequestOptionsKey<string> System = new("onething.outside-system");

    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = request.Options.TryGetValue(System, out var name) ? name : null;
        var requestHash = request.Content is null ? EmptySha256 : Convert.ToHexStringLower(SHA256.HashData(await request.Content.ReadAsByteArrayAsync(cancellationToken)));
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            await recorder.RecordAsync(new OutsideExchange(client, request.Method.Method, request.RequestUri!, null, requestHash, null,
                Stopwatch.GetElapsedTime(started), ex.GetType().Name), CancellationToken.None);
            throw;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseHash = Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(cancellationToken)));
        await recorder.RecordAsync(new OutsideExchange(client, request.Method.Method, request.RequestUri!, (int)response.StatusCode, requestHash, responseHash,
            Stopwatch.GetElapsedTime(started), null), cancellationToken);
        return response;
    }
}
