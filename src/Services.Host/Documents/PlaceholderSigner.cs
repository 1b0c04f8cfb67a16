using PdfSharp.Pdf.Signatures;

namespace OneThing.Host.Documents;

/// <summary>
/// Lets PDFsharp lay out the signature (field, widget, appearance, dictionary) and reserve room for it; the
/// real CMS signature is written by <see cref="SignatureSlot"/> once the file is final (docs/decisions/0007).
/// </summary>
internal sealed class PlaceholderSigner(string certificateName, int reservedBytes) : IDigitalSigner
{
    public string CertificateName => certificateName;

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(reservedBytes);

    public Task<byte[]> GetSignatureAsync(Stream stream) => Task.FromResult(Array.Empty<byte>());
}
