using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OneThing.Integrations.Licences;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// DEVELOPMENT ONLY: the sandbox licence library's HTTP API under <c>/licence-library/v1</c>, the API
/// <c>LicenceLibraryClient</c> calls. Refusals are problems with a <c>code</c>: 404 <c>licence_not_found</c>,
/// 409 <c>idempotency_key_reused</c>, 422 <c>invalid_request</c> (with field errors); 400 <c>idempotency_key_required</c>.
/// </summary>
internal static class LicenceLibraryApi
{
    public const string Prefix = "/licence-library/v1";

    public static IEndpointRouteBuilder MapSandboxLicenceLibrary(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/holders/{holderId}/licences", ListLicences);
        api.MapGet("/licences/{id}", GetLicence);
        api.MapPost("/licences", IssueLicence);
        api.MapPost("/licences/{id}/revoke", RevokeLicence);
        api.MapPost("/pulls", Pull);
        api.MapGet("/pulls", ListPulls);
        return app;
    }

    /// <summary>The holder's licences (and household registers listing them), current ones first per type; no use is recorded.</summary>
    private static async Task<Ok<List<LicenceRecord>>> ListLicences(string holderId, SandboxLicenceLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.ListAsync(holderId, cancellationToken));

    private static async Task<Results<Ok<LicenceRecord>, NotFound>> GetLicence(string id, SandboxLicenceLibrary library, CancellationToken cancellationToken) =>
        await library.FindAsync(id, cancellationToken) is { } licence ? TypedResults.Ok(licence) : TypedResults.NotFound();

    /// <summary>201 with the new licence; 200 with the first one when the Idempotency-Key was seen before.</summary>
    private static async Task<Results<Created<LicenceRecord>, Ok<LicenceRecord>>> IssueLicence(IssueBody body, HttpRequest request, SandboxLicenceLibrary library, CancellationToken cancellationToken)
    {
        var (licence, created) = await library.IssueAsync(body, SandboxProblems.IdempotencyKey(request), cancellationToken);
        return created ? TypedResults.Created($"{Prefix}/licences/{Uri.EscapeDataString(licence.Id)}", licence) : TypedResults.Ok(licence);
    }

    private static async Task<Ok<LicenceRecord>> RevokeLicence(string id, RevokeBody body, HttpRequest request, SandboxLicenceLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.RevokeAsync(id, body, SandboxProblems.IdempotencyKey(request), cancellationToken));

    /// <summary>Always 200 with an outcome: a refused pull (revoked, expired…) is an answer, not an error.</summary>
    private static async Task<Ok<LicencePullResult>> Pull(PullBody body, SandboxLicenceLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.PullAsync(body, cancellationToken));

    private static async Task<Ok<List<LicencePullRecord>>> ListPulls(string? holderId, string? caseNumber, SandboxLicenceLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.ListPullsAsync(holderId, caseNumber, cancellationToken));
}

/// <summary>Body of <c>POST /pulls</c> (members nullable so that a missing one is a field error, not a binding failure).</summary>
internal sealed record PullBody(string? HolderId, string? Type, string? CaseNumber, string? Purpose, string? Requester);

/// <summary>Body of <c>POST /licences</c>, the shape of <see cref="LicenceIssueRequest"/>.</summary>
internal sealed record IssueBody(
    string? Type,
    string? HolderId,
    string? HolderName,
    string? IssuerCode,
    string? IssuerName,
    DateOnly? ValidUntil,
    JsonObject? Data,
    string? CaseNumber,
    bool SupersedesCurrent);

/// <summary>Body of <c>POST /licences/{id}/revoke</c>.</summary>
internal sealed record RevokeBody(string? Reason);
