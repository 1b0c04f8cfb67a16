using System.Security.Cryptography;

namespace OneThing.Host.Documents;

/// <summary>Issues result documents: renders the model and seals it with the issuing department's seal.</summary>
public sealed class DocumentService(ResultDocumentRenderer renderer, PdfSealer sealer, ISealProvider seals)
{
    /// <summary>Renders and seals <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The model is incomplete, the department has no seal, or the seal is not the issuer's.</exception>
    public async Task<SealedDocument> IssueAsync(ResultDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var seal = await seals.GetAsync(model.DepartmentCode);
        if (seal.DepartmentName != model.IssuerName)
        {
            // The seal drawn over the issuer's name must be that issuer's.
            throw new ArgumentException($"The seal of '{model.DepartmentCode}' is {seal.DepartmentName}'s, but the document names {model.IssuerName} as its issuer.", nameof(model));
        }

        using var rendered = renderer.Render(model);
        var sealedPdf = await sealer.SealAsync(rendered, seal);
        return new SealedDocument(sealedPdf.Pdf, sealedPdf.Sha256, rendered.PageCount, seal.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }
}
