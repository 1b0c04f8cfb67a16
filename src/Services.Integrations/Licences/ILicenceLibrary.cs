using System.Text.Json.Nodes;

namespace OneThing.Integrations.Licences;

/// <summary>
/// The e-licence library (电子证照库): licences are listed by their holder, pulled for a case with a
/// stated purpose of use (用证事由), issued when a matter produces one, and revoked when a matter is
/// undone. Implemented by <see cref="LicenceLibraryClient"/> over HTTP; the sandbox library answers the
/// same HTTP API on the embedded default and in tests.
/// </summary>
public interface ILicenceLibrary
{
    /// <summary>
    /// The holder's own licences (their licence list and the prefill of a form), including a household register
    /// that lists them as a member; no use is recorded.
    /// </summary>
    Task<IReadOnlyList<LicenceRecord>> ListAsync(string holderId, CancellationToken cancellationToken = default);

    /// <summary>One licence by its identifier (a result a case produced, downloaded by its applicant); null when unknown.</summary>
    Task<LicenceRecord?> GetAsync(string licenceId, CancellationToken cancellationToken = default);

    /// <summary>Uses the holder's current licence of a type for a case; the library records the pull.</summary>
    Task<LicencePullResult> PullAsync(LicencePullRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The holder's usage history (用证记录): every pull of their licences, refused ones too, newest first;
    /// <paramref name="caseNumber"/> narrows it to one case.
    /// </summary>
    Task<IReadOnlyList<LicencePullRecord>> ListPullsAsync(string holderId, string? caseNumber = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a new licence; the same idempotency key returns the licence issued the first time.</summary>
    Task<LicenceRecord> IssueAsync(LicenceIssueRequest request, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Revokes a licence (a registration undone); revoking a revoked licence is not an error.</summary>
    Task RevokeAsync(string licenceId, string reason, string idempotencyKey, CancellationToken cancellationToken = default);
}

public enum LicenceStatus
{
    Valid,
    Revoked,
    Superseded,
}

/// <summary>One e-licence as the library holds it.</summary>
/// <param name="Id">GB/T 36904 identifier, e.g. <c>1.2.156.3005.2.….0</c>.</param>
/// <param name="Type">Licence type code used across OneThing, e.g. <c>id-card</c>, <c>household-register</c>.</param>
/// <param name="HolderId">ID number (GB 11643) of a person or credit code (GB 32100) of an organisation.</param>
/// <param name="Data">The licence's fields (name, address, dates…) — what a form may be prefilled with.</param>
/// <param name="Sha256">Hex SHA-256 of the licence content as issued; recorded with every use.</param>
public sealed record LicenceRecord(
    string Id,
    string Type,
    string TypeName,
    string HolderId,
    string HolderName,
    string IssuerCode,
    string IssuerName,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    LicenceStatus Status,
    JsonObject Data,
    string Sha256);

/// <param name="CaseNumber">The case the licence is used for (every pull names one).</param>
/// <param name="Purpose">用证事由, shown to the holder in their usage history.</param>
/// <param name="Requester">Who pulled it: the user id of the applicant or clerk acting.</param>
public sealed record LicencePullRequest(string HolderId, string Type, string CaseNumber, string Purpose, string Requester);

public enum LicencePullOutcome
{
    Ok,
    NotFound,
    Revoked,
    Expired,
    Superseded,
}

/// <summary>The answer to a pull: the licence (also when refused, so the refusal can name it) and the library's pull id.</summary>
public sealed record LicencePullResult(LicencePullOutcome Outcome, LicenceRecord? Licence, string? PullId, string? Message);

/// <summary>One recorded use of a holder's licence: who pulled which licence for which case, why, and what they got.</summary>
/// <param name="LicenceSha256">Hash of the licence content returned (or refused), null when none was found.</param>
public sealed record LicencePullRecord(
    string PullId,
    string HolderId,
    string Type,
    string CaseNumber,
    string Purpose,
    string Requester,
    DateTimeOffset PulledAt,
    LicencePullOutcome Outcome,
    string? LicenceId,
    string? LicenceSha256);

/// <param name="Type">Licence type code, e.g. <c>birth-certificate</c>.</param>
/// <param name="IssuerCode">Credit code of the issuing department.</param>
/// <param name="CaseNumber">The case whose matter produced it.</param>
/// <param name="SupersedesCurrent">The holder's current licence of the same type becomes Superseded (an updated household register).</param>
public sealed record LicenceIssueRequest(
    string Type,
    string HolderId,
    string HolderName,
    string IssuerCode,
    string IssuerName,
    DateOnly? ValidUntil,
    JsonObject Data,
    string CaseNumber,
    bool SupersedesCurrent = false);
