namespace OneThing.Host.Documents;

/// <summary>What a result document says; the renderer lays it out, the sealer signs it.</summary>
/// <param name="DocumentId">Stable id of the document, part of the verification URL.</param>
/// <param name="VerificationCode">Short code printed on the document and asked by the verification endpoint (<see cref="VerificationCodes.New"/>).</param>
/// <param name="Title">e.g. 出生医学证明（电子副本） or 办结通知书.</param>
/// <param name="CaseNumber">The case (办件) number.</param>
/// <param name="ApplicantName">Name of the applicant (or the subject the case is about).</param>
/// <param name="ApplicantIdMasked">The applicant's ID number, already masked (<c>3717**********1231</c>); a full number is refused.</param>
/// <param name="Table">The body: label/value rows, or one row per matter for the completion notice.</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="IssuerName">Name of the issuing body, printed under the seal.</param>
/// <param name="DepartmentCode">Code of the issuing department, whose seal signs the document.</param>
/// <param name="JourneyName">The one-matter journey, e.g. 新生儿出生一件事.</param>
/// <param name="VerificationBaseUrl">Public base address of the verification endpoint, e.g. <c>https://onething.heze.gov.cn</c>.</param>
public sealed record ResultDocumentModel(
    string DocumentId,
    string VerificationCode,
    string Title,
    string CaseNumber,
    string ApplicantName,
    string ApplicantIdMasked,
    ResultTable Table,
    DateOnly IssuedOn,
    string IssuerName,
    string DepartmentCode,
    string JourneyName,
    string VerificationBaseUrl)
{
    /// <summary>Where the QR code points: <c>{base}/api/v1/verify/{documentId}?code={verificationCode}</c>.</summary>
    public string VerificationUrl =>
        $"{VerificationBaseUrl.TrimEnd('/')}/api/v1/verify/{Uri.EscapeDataString(DocumentId)}?code={Uri.EscapeDataString(VerificationCode)}";
}
