using System.Security.Cryptography;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace OneThing.Host.Documents;

/// <summary>
/// Signs a rendered PDF once with a department's seal certificate: a standard PDF signature (SubFilter
/// adbe.pkcs7.detached, SHA-256, see <see cref="SealSignature"/>) whose visible appearance is the seal, placed over
/// the issuing body's name. Any PDF reader can check it.
/// </summary>
/// <remarks>
/// PDFsharp's <see cref="DigitalSignatureHandler"/> lays out the signature and reserves its room; the file's
/// zlib streams are then repaired (which moves offsets) and only then are the byte ranges signed
/// (docs/decisions/0007). Sign once, last: each department seals its own result; a combined notice is sealed
/// once by the issuing service centre.
/// </remarks>
public sealed class PdfSealer(TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Seals a freshly rendered document (consumes it: a document is saved once).</summary>
    public Task<SealedPdf> SealAsync(RenderedDocument document, DepartmentSeal seal)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Task.FromResult(Seal(document.Document, document.Seal, seal));
    }

    /// <summary>Seals an existing PDF, the seal drawn at <paramref name="placement"/>.</summary>
    public Task<SealedPdf> SealAsync(byte[] pdf, SealPlacement placement, DepartmentSeal seal)
    {
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        return Task.FromResult(Seal(document, placement, seal));
    }

    /// <summary>Room for the CMS blob: the certificates it carries, the signature and its attributes, with margin.</summary>
    internal static int ReservedBytes(DepartmentSeal seal) =>
        (seal.Certificate.RawData.Length + seal.Chain.Sum(c => c.RawData.Length) + 2048 + 511) / 512 * 512;

    private SealedPdf Seal(PdfSharp.Pdf.PdfDocument document, SealPlacement placement, DepartmentSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var options = new DigitalSignatureOptions
        {
            AppearanceHandler = new SealAppearance(seal),
            Rectangle = placement.Area,
            PageIndex = placement.PageIndex,
            Reason = "Issued under the e-seal of the issuing body",
            Location = "Heze, CN",
            ContactInfo = seal.DepartmentName,
            AppName = "OneThing",
        };
        DigitalSignatureHandler.ForDocument(document, new PlaceholderSigner(seal.DepartmentName, ReservedBytes(seal)), options);

        var pdf = PdfFiles.Save(document);
        var signingTime = clock.GetUtcNow();
        SignatureSlot.Fill(pdf, content => SealSignature.Create(content, seal, signingTime));
        return new SealedPdf(pdf, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }
}
