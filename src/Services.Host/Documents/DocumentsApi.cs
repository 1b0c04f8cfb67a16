using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Admin;
using OneThing.Host.Cases;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Portal;

namespace OneThing.Host.Documents;

/// <summary>
/// Result documents: downloads for the case's applicant and clerks, public verification by id and code or by
/// uploading the PDF (no login, no personal data in the answer), and revocation by administrators.
/// </summary>
public static class DocumentsApi
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DocumentService>() is null)
        {
            return app; // Documents:Enabled is off: no documents, no verification.
        }

        var cases = app.MapGroup("/api/v1/cases/{number}/documents").WithTags("Cases · 办件").RequireAuthorization(AuthorizationPolicies.CaseReader);
        cases.MapGet("/", ListAsync).WithName("ListCaseDocuments").WithSummary("The case's sealed result documents · 办理结果文书");
        cases.MapGet("/{id:guid}", DownloadAsync).WithName("DownloadCaseDocument").WithSummary("Download one as PDF · 下载").ProducesProblem(StatusCodes.Status404NotFound);

        var verify = app.MapGroup("/api/v1/verify").WithTags("Verification · 验真").AllowAnonymous().RequireAbuseLimits(AbuseLimit.Verification);
        verify.MapGet("/{id:guid}", VerifyByCodeAsync).WithName("VerifyDocument").WithSummary("Is this document genuine? · 文书验真");
        verify.MapPost("/", VerifyUploadAsync).WithName("VerifyUploadedDocument").WithSummary("Check an uploaded PDF's signature and hash · 上传验真")
            .Accepts<byte[]>("application/pdf").WithMaxRequestBody(MaxUploadBytes);

        app.MapPost("/api/v1/admin/documents/{id:guid}/revocation", RevokeAsync).WithTags("Admin · documents").WithName("RevokeDocument")
            .WithSummary("Revoke a document with a reason · 作废文书").RequireAuthorization(AuthorizationPolicies.Admin).ProducesValidationProblem();
        return app;
    }

    public sealed record DocumentSummary(Guid Id, string Title, string? Matter, string Department, string Issuer, DateTimeOffset IssuedAt, string Sha256, bool Revoked);

    /// <summary>What anyone may learn: genuine / revoked / forged, and for ours the issuer, time, hash and journey.</summary>
    public sealed record VerificationView(string Status, Guid? DocumentId, string? Title, string? Issuer, string? Department, DateTimeOffset? IssuedAt,
        string? Sha256, string? Journey, string? JourneyName, DateTimeOffset? RevokedAt, string? RevocationReason, string? Signer,
        NationalSignatureView? NationalSignature = null);

    /// <summary>The SM2/SM3 signature's check: which step failed, if any (PDF readers do not check this one).</summary>
    public sealed record NationalSignatureView(bool Valid, string? FailedStep, string? Reason, string? ReasonZh, string? Seal, DateTimeOffset? SignedAt);

    public sealed record RevokeRequest(string? Reason);

    private static async Task<Ok<List<DocumentSummary>>> ListAsync(string number, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var @case = await CasesApi.FindVisibleAsync(db, await Caller.OfAsync(user, db, cancellationToken), number, cancellationToken);
        var documents = await db.Set<ResultDocumentRecord>().AsNoTracking().Where(d => d.CaseId == @case.Id).OrderBy(d => d.IssuedAt)
            .Select(d => new DocumentSummary(d.Id, d.Title, d.MatterCode, d.DepartmentCode, d.IssuerName, d.IssuedAt, d.Sha256, d.RevokedAt != null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(documents);
    }

    private static async Task<FileContentHttpResult> DownloadAsync(string number, Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var @case = await CasesApi.FindVisibleAsync(db, await Caller.OfAsync(user, db, cancellationToken), number, cancellationToken);
        var document = await db.Set<ResultDocumentRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CaseId == @case.Id, cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "This case has no such document.", "该办件没有这份文书。");
        return TypedResults.File(document.Pdf, "application/pdf", $"{document.CaseNumber}-{document.Id:N}.pdf");
    }

    private static async Task<Ok<VerificationView>> VerifyByCodeAsync(Guid id, string? code, AppDbContext db, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var document = await db.Set<ResultDocumentRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || code is null || CaseDocuments.HashCode(code) != document.VerificationCodeHash)
        {
            return TypedResults.Ok(Forged());
        }

        var national = National(services, document, document.Pdf);
        return TypedResults.Ok(national is { Valid: false } ? Forged() with { NationalSignature = national } : View(document, signer: null) with { NationalSignature = national });
    }

    /// <summary>The stored SM2 signature checked against <paramref name="pdf"/>; null when the document has none.</summary>
    private static NationalSignatureView? National(IServiceProvider services, ResultDocumentRecord document, byte[] pdf)
    {
        if (document.NationalSignature is not { } signature || services.GetService<NationalSeal.NationalSealService>() is not { } national)
        {
            return null;
        }

        var check = national.Verify(signature, pdf);
        return new NationalSignatureView(check.IsValid, check.FailedStep?.ToString(), check.Reason, check.ReasonZh, check.SealName, check.SignedAt);
    }

    private static async Task<Ok<VerificationView>> VerifyUploadAsync(HttpRequest request, AppDbContext db, PdfSignatureVerifier verifier, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(Problems.UnsupportedMediaType, "Send the PDF itself as application/pdf.", "请以 application/pdf 格式上传 PDF 文件。");
        }

        if (request.ContentLength is > MaxUploadBytes)
        {
            throw new ProblemException(Problems.PayloadTooLarge, $"Upload at most {MaxUploadBytes / 1024 / 1024} MB.", "上传文件不能超过 5 MB。");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0 || buffer.Length > MaxUploadBytes)
        {
            throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("#/body", "pdf_required", "Send the PDF as the request body (application/pdf, at most 5 MB).", "请以请求正文上传 PDF 文件（不超过 5 MB）。")]);
        }

        var pdf = buffer.ToArray();
        if (!pdf.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("#/body", "not_a_pdf", "The body is not a PDF file (it does not start with %PDF-).", "上传的不是 PDF 文件。")]);
        }

        var check = verifier.Verify(pdf);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var document = await db.Set<ResultDocumentRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Sha256 == sha, cancellationToken);
        // Genuine only when the signature holds, covers the whole file, chains to a trusted seal authority, and the
        // file is exactly one we issued.
        if (document is null || !check.IsValid || !check.CoversWholeDocument || check.ChainTrusted != true)
        {
            return TypedResults.Ok(Forged());
        }

        var national = National(services, document, pdf);
        return TypedResults.Ok(national is { Valid: false } ? Forged() with { NationalSignature = national } : View(document, check.SignerName) with { NationalSignature = national });
    }

    private static async Task<Ok<VerificationView>> RevokeAsync(Guid id, RevokeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("#/reason", "required", "Say why the document is revoked (at most 1000 characters).", "请填写作废理由（不超过 1000 个字）。")]);
        }

        var document = await db.Set<ResultDocumentRecord>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "No such document.", "没有这份文书。");
        if (document.RevokedAt is null)
        {
            document.RevokedAt = time.GetUtcNow();
            document.RevokedBy = WorkflowsAdminApi.Actor(user);
            document.RevocationReason = request.Reason.Trim();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(View(document, signer: null));
    }

    private static VerificationView Forged() => new("forged", null, null, null, null, null, null, null, null, null, null, null);

    private static VerificationView View(ResultDocumentRecord d, string? signer) => new(
        d.RevokedAt is null ? "genuine" : "revoked", d.Id, d.Title, d.IssuerName, d.DepartmentCode, d.IssuedAt, d.Sha256, d.JourneyCode, d.JourneyName,
        d.RevokedAt, d.RevocationReason, signer);
}
