using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// An electronic signature, SES_Signature-shaped (GB/T 38540): <c>SEQUENCE { toSign TBS_Sign, signature BIT STRING }</c>
/// with <c>TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo GeneralizedTime (UTC), dataHash BIT STRING
/// (SM3 of the document), sha256Hash OCTET STRING (the SHA-256 the PDF signature uses), propertyInfo IA5String
/// (document id), cert OCTET STRING (signer certificate), signatureAlgorithm OBJECT IDENTIFIER }</c>; the signature is
/// SM2 over SM3 by the department's key of the DER of toSign. Unlike the standard, cert and algorithm sit inside
/// toSign so that they are signed too; there is no time-stamp token.
/// </summary>
/// <param name="Version">Structure version (4).</param>
/// <param name="Seal">The seal used.</param>
/// <param name="SignedAt">When it was signed (UTC, whole seconds).</param>
/// <param name="DataHash">SM3 of the document's bytes.</param>
/// <param name="Sha256Hash">SHA-256 of the same bytes.</param>
/// <param name="DocumentId">The signed document's id (propertyInfo).</param>
/// <param name="SignerCertificate">DER of the signer's certificate; must be in the seal's list.</param>
/// <param name="SignatureAlgorithm">OID of the signature, <see cref="NationalAlgorithms.Sm3WithSm2Oid"/>.</param>
/// <param name="Signature">The signer's SM2 signature (DER { r, s }) of <see cref="ToBeSignedDer"/>.</param>
public sealed record SesSignature(
    int Version,
    SealInfo Seal,
    DateTimeOffset SignedAt,
    byte[] DataHash,
    byte[] Sha256Hash,
    string DocumentId,
    byte[] SignerCertificate,
    string SignatureAlgorithm,
    byte[] Signature)
{
    /// <summary>The version this code writes.</summary>
    public const int CurrentVersion = 4;

    /// <summary>
    /// Signs <paramref name="documentBytes"/> with <paramref name="seal"/> as <paramref name="signer"/> at
    /// <paramref name="signedAt"/>. It checks nothing about the seal: <see cref="NationalSealService.Verify"/> does.
    /// </summary>
    public static SesSignature Create(SealInfo seal, NationalSealSigner signer, string documentId, ReadOnlySpan<byte> documentBytes, DateTimeOffset signedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        if (!documentId.All(char.IsAscii))
        {
            throw new ArgumentException("A document id (propertyInfo, IA5String) must be ASCII.", nameof(documentId));
        }

        var unsigned = new SesSignature(
            CurrentVersion,
            seal,
            Asn1Der.Truncate(signedAt),
            NationalAlgorithms.Sm3(documentBytes),
            SHA256.HashData(documentBytes),
            documentId,
            signer.Certificate.GetEncoded(),
            NationalAlgorithms.Sm3WithSm2Oid,
            []);
        return unsigned with { Signature = NationalAlgorithms.Sign(signer.PrivateKey, unsigned.ToBeSignedDer()) };
    }

    /// <summary>The DER of toSign, what <see cref="Signature"/> signs.</summary>
    public byte[] ToBeSignedDer() => new DerSequence(
        DerInteger.ValueOf(Version),
        Seal.ToAsn1(),
        Asn1Der.Time(SignedAt),
        new DerBitString(DataHash),
        new DerOctetString(Sha256Hash),
        new DerIA5String(DocumentId, true),
        new DerOctetString(SignerCertificate),
        new DerObjectIdentifier(SignatureAlgorithm)).GetDerEncoded();

    /// <summary>The signature's DER.</summary>
    public byte[] ToDer() => new DerSequence(Asn1Der.Parse(ToBeSignedDer(), "TBS_Sign"), new DerBitString(Signature)).GetDerEncoded();

    /// <summary>Reads a signature from its DER.</summary>
    /// <exception cref="ArgumentException">Not a signature of this structure.</exception>
    public static SesSignature FromDer(byte[] der)
    {
        return Asn1Der.Read(() =>
        {
            var s = Asn1Sequence.GetInstance(Asn1Der.Parse(der, "SES_Signature"));
            Asn1Der.Expect(s, 2, "SES_Signature");
            var t = Asn1Sequence.GetInstance(s[0]);
            Asn1Der.Expect(t, 8, "TBS_Sign");
            return new SesSignature(
                DerInteger.GetInstance(t[0]).IntValueExact,
                SealInfo.FromAsn1(t[1]),
                Asn1Der.Time(t[2]),
                DerBitString.GetInstance(t[3]).GetOctets(),
                Asn1OctetString.GetInstance(t[4]).GetOctets(),
                DerIA5String.GetInstance(t[5]).GetString(),
                Asn1OctetString.GetInstance(t[6]).GetOctets(),
                DerObjectIdentifier.GetInstance(t[7]).Id,
                DerBitString.GetInstance(s[1]).GetOctets());
        }, "SES_Signature");
    }
}
