using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OneThing.Host.Documents;

/// <summary>
/// Checks the signature of a sealed PDF without a PDF library: finds the last <c>/ByteRange</c>, takes the
/// <c>/Contents</c> hex string between the two ranges, checks the CMS signature and that its message digest
/// is the digest of the signed ranges, that the ranges cover the whole file, that signing-certificate-v2 names the
/// signer, and, when trusted authorities are given, that the signer chains to one of them.
/// </summary>
public sealed class PdfSignatureVerifier(IEnumerable<X509Certificate2>? trustedAuthorities = null)
{
    private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();
    private readonly X509Certificate2[] authorities = trustedAuthorities?.ToArray() ?? [];

    /// <summary>Checks the (last) signature of <paramref name="pdf"/>.</summary>
    public SignatureCheck Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!TryReadByteRange(pdf, out var range))
        {
            return SignatureCheck.Invalid("The file has no signature (no /ByteRange).");
        }

        var (start1, length1, start2, length2) = range;
        if (start1 != 0 || length1 <= 0 || start2 <= length1 + 1 || length2 < 0 || start2 + length2 > pdf.Length
            || pdf[length1] != '<' || pdf[start2 - 1] != '>')
        {
            return SignatureCheck.Invalid("The /ByteRange does not frame a /Contents hex string.");
        }

        var covers = start2 + length2 == pdf.Length;
        byte[] blob;
        try
        {
            var hex = Convert.FromHexString(Encoding.ASCII.GetString(pdf, (int)length1 + 1, (int)(start2 - length1 - 2)));
            AsnDecoder.ReadEncodedValue(hex, AsnEncodingRules.BER, out _, out _, out var consumed);
            blob = hex[..consumed];
        }
        catch (Exception ex) when (ex is FormatException or AsnContentException)
        {
            return SignatureCheck.Invalid($"/Contents is not a hex-encoded CMS signature: {ex.Message}", covers: covers);
        }

        var content = new byte[length1 + length2];
        pdf.AsSpan(0, (int)length1).CopyTo(content);
        pdf.AsSpan((int)start2, (int)length2).CopyTo(content.AsSpan((int)length1));

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(blob);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Invalid($"/Contents is not a CMS signature: {ex.Message}", covers: covers);
        }

        if (cms.SignerInfos.Count != 1)
        {
            return SignatureCheck.Invalid($"The CMS signature has {cms.SignerInfos.Count} signers; a seal has one.", covers: covers);
        }

        var signerInfo = cms.SignerInfos[0];
        var signer = signerInfo.Certificate;
        var signingTime = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>()
            .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();
        if (signer is null)
        {
            return SignatureCheck.Invalid("The signer's certificate is not in the signature.", covers: covers);
        }

        try
        {
            // Checks the signature over the signed attributes and that message-digest is the digest of the ranges.
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Invalid($"The signature does not match the document: {ex.Message}", signer, signingTime, covers);
        }

        var essHash = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == SealSignature.SigningCertificateV2Oid)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => SealSignature.SigningCertificateHash(v.RawData))
            .FirstOrDefault();
        if (essHash is not null && !essHash.AsSpan().SequenceEqual(SHA256.HashData(signer.RawData)))
        {
            return SignatureCheck.Invalid("signing-certificate-v2 names another certificate than the signer's.", signer, signingTime, covers);
        }

        if (!covers)
        {
            return SignatureCheck.Invalid("Bytes were added after the signed part of the file.", signer, signingTime, covers);
        }

        bool? trusted = null;
        if (authorities.Length > 0)
        {
            trusted = SealCertificates.ChainsTo(signer, authorities, signingTime ?? DateTimeOffset.UtcNow, cms.Certificates.Cast<X509Certificate2>());
            if (trusted is false)
            {
                return new SignatureCheck(false, "The signer's certificate was not issued by a trusted seal authority (or was not valid when it signed).", signer, signingTime, covers, trusted);
            }
        }

        return new SignatureCheck(true, null, signer, signingTime, covers, trusted);
    }

    private static bool TryReadByteRange(byte[] pdf, out (long, long, long, long) range)
    {
        range = default;
        var at = pdf.AsSpan().LastIndexOf(ByteRangeKey);
        if (at < 0)
        {
            return false;
        }

        var position = at + ByteRangeKey.Length;
        SkipWhitespace();
        if (position >= pdf.Length || pdf[position] != '[')
        {
            return false;
        }

        position++;
        var numbers = new long[4];
        for (var i = 0; i < 4; i++)
        {
            SkipWhitespace();
            var begin = position;
            while (position < pdf.Length && char.IsAsciiDigit((char)pdf[position]))
            {
                position++;
            }

            if (!long.TryParse(pdf.AsSpan(begin, position - begin), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        SkipWhitespace();
        range = (numbers[0], numbers[1], numbers[2], numbers[3]);
        return position < pdf.Length && pdf[position] == ']' && numbers[1] <= int.MaxValue && numbers[3] <= int.MaxValue;

        void SkipWhitespace()
        {
            while (position < pdf.Length && pdf[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0 or 12)
            {
                position++;
            }
        }
    }
}
