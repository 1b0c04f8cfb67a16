using OneThing.Integrations.OutsideSystems;

namespace OneThing.Integrations.Licences;

/// <summary>
/// <see cref="ILicenceLibrary"/> over the library's HTTP API (<c>{BaseUrl}</c> = <c>…/licence-library/v1/</c>):
/// <c>GET holders/{holderId}/licences</c>, <c>GET licences/{id}</c>, <c>POST pulls</c>, <c>GET pulls?holderId=&amp;caseNumber=</c>,
/// <c>POST licences</c> and <c>POST licences/{id}/revoke</c>, the last two with an <c>Idempotency-Key</c>.
/// A refusal (404 unknown licence, 409 key reused, 422 invalid request) throws <see cref="OutsideSystemRefusalException"/>;
/// any other failure <see cref="OutsideSystemException"/>. A refused pull is not an error: it is an outcome.
/// </summary>
public sealed class LicenceLibraryClient(HttpClient http, IOutsideSystemAddresses addresses) : ILicenceLibrary
{
    private static readonly OutsideSystem System = OutsideSystem.LicenceLibrary;

    public Task<IReadOnlyList<LicenceRecord>> ListAsync(string holderId, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<LicenceRecord>>(HttpMethod.Get, $"holders/{Uri.EscapeDataString(holderId)}/licences", null, null, cancellationToken);

    public async Task<LicenceRecord?> GetAsync(string licenceId, CancellationToken cancellationToken = default)
    {
        using var request = addresses.Request(System, HttpMethod.Get, $"licences/{Uri.EscapeDataString(licenceId)}", null, null);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode == global::System.Net.HttpStatusCode.NotFound ? null : await response.ReadAsync<LicenceRecord>(System, cancellationToken);
    }

    public Task<LicencePullResult> PullAsync(LicencePullRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<LicencePullResult>(HttpMethod.Post, "pulls", request, null, cancellationToken);

    public Task<IReadOnlyList<LicencePullRecord>> ListPullsAsync(string holderId, string? caseNumber = null, CancellationToken cancellationToken = default)
    {
        var query = $"pulls?holderId={Uri.EscapeDataString(holderId)}";
        if (caseNumber is not null)
        {
            query += $"&caseNumber={Uri.EscapeDataString(caseNumber)}";
        }

        return SendAsync<IReadOnlyList<LicencePullRecord>>(HttpMethod.Get, query, null, null, cancellationToken);
    }

    public Task<LicenceRecord> IssueAsync(LicenceIssueRequest request, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<LicenceRecord>(HttpMethod.Post, "licences", request, idempotencyKey, cancellationToken);

    public async Task RevokeAsync(string licenceId, string reason, string idempotencyKey, CancellationToken cancellationToken = default) =>
        await SendAsync<LicenceRecord>(HttpMethod.Post, $"licences/{Uri.EscapeDataString(licenceId)}/revoke", new RevokeBody(reason), idempotencyKey, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = addresses.Request(System, method, path, body, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await response.ReadAsync<T>(System, cancellationToken);
    }

    private sealed record RevokeBody(string Reason);
}
