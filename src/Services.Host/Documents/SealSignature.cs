using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>
/// The CMS (PKCS#7) detached signature of a sealed document: SHA-256, signed attributes content-type,
/// message-digest, signing-time and signing-certificate-v2 (RFC 5035, binding the signer certificate so it
/// cannot be swapped), the seal certificate and its issuers attached.
/// </summary>
public static class SealSignature
{
    /// <summary>OID of the signing-certificate-v2 attribute (id-aa-signingCertificateV2).</summary>
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>Signs <paramref name="content"/> with the seal's certificate; returns the DER-encoded CMS SignedData.</summary>
    public static byte[] Create(ReadOnlySpan<byte> content, DepartmentSeal seal, DateTimeOffset signingTime)
    {
        var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, seal.Certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(seal.Chain.ToArray());
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(seal.Certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, with one ESSCertIDv2 ::= SEQUENCE {
    /// certHash OCTET STRING (SHA-256, the default algorithm, so omitted), issuerSerial IssuerSerial }.
    /// </summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }

        return writer.Encode();
    }

    /// <summary>The certificate hash of the first ESSCertIDv2 in a signing-certificate-v2 value (SHA-256 only).</summary>
    public static byte[]? SigningCertificateHash(ReadOnlySpan<byte> attributeValue)
    {
        try
        {
            var outer = new AsnReader(attributeValue.ToArray(), AsnEncodingRules.DER).ReadSequence();
            var first = outer.ReadSequence().ReadSequence();
            if (first.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var algorithm = first.ReadSequence().ReadObjectIdentifier();
                if (algorithm != Sha256Oid)
                {
                    return null;
                }
            }

            return first.ReadOctetString();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
