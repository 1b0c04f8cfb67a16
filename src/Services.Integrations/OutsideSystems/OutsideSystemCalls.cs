using System.Net.Http.Json;
using System.Text.Json;
using OneThing.Integrations.Exchanges;

namespace OneThing.Integrations.OutsideSystems;

/// <summary>What every adapter does around a call: find the address, send the idempotency key, read the answer or fail plainly.</summary>
internal static class OutsideSystemCalls
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Statuses an outside API documents as a refusal of the request itself (with a problem body naming a code).</summary>
    private static readonly HashSet<int> RefusalStatuses = [404, 409, 422];

    public static HttpRequestMessage Request(this IOutsideSystemAddresses addresses, OutsideSystem system, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        var baseAddress = addresses.Find(system)
            ?? throw new OutsideSystemException(system, null, null,
                $"The {system} has no address: set Integrations:{system.Key}:BaseUrl (or turn on the sandbox profile).");
        var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        request.Options.Set(ExchangeAuditHandler.System, system.Key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: OutsideSystemJson.Options);
        }

        if (idempotencyKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        return request;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, OutsideSystem system, CancellationToken cancellationToken)
    {
        await response.EnsureAnsweredAsync(system, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(OutsideSystemJson.Options, cancellationToken)
                ?? throw new OutsideSystemException(system, (int)response.StatusCode, null, $"The {system} answered {(int)response.StatusCode} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new OutsideSystemException(system, (int)response.StatusCode, null, $"The {system} answered {(int)response.StatusCode} with a body that is not the documented JSON: {ex.Message}");
        }
    }

    /// <summary>Returns on success; throws <see cref="OutsideSystemRefusalException"/> for a documented refusal, else <see cref="OutsideSystemException"/>.</summary>
    public static async Task EnsureAnsweredAsync(this HttpResponseMessage response, OutsideSystem system, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var problem = await ReadProblemAsync(response, cancellationToken);
        if (RefusalStatuses.Contains(status) && problem?.Code is not null)
        {
            throw new OutsideSystemRefusalException(system, status, problem.Code, problem.Detail, problem.DetailZh);
        }

        throw new OutsideSystemException(system, status, problem?.Title ?? response.ReasonPhrase);
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(OutsideSystemJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The RFC 9457 members the adapters use.</summary>
    private sealed record Problem(string? Title, string? Detail, string? Code, string? DetailZh);
}
