using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// A seal, SESeal of GB/T 38540: <c>SEQUENCE { eSealInfo SES_SealInfo, signInfo SEQUENCE { cert OCTET STRING,
/// signAlgID OBJECT IDENTIFIER, signData BIT STRING } }</c> — the content signed by the seal maker (SM2 over SM3 of
/// the content's DER), with the maker's certificate.
/// </summary>
/// <param name="Content">Header, esID, property and picture.</param>
/// <param name="MakerCertificate">DER of the seal maker's certificate.</param>
/// <param name="SignatureAlgorithm">OID of the maker's signature, <see cref="NationalAlgorithms.Sm3WithSm2Oid"/>.</param>
/// <param name="Signature">The maker's SM2 signature (DER { r, s }) of <see cref="SealContent.ToDer"/>.</param>
public sealed record SealInfo(SealContent Content, byte[] MakerCertificate, string SignatureAlgorithm, byte[] Signature)
{
    /// <summary>The seal's DER.</summary>
    public byte[] ToDer() => ToAsn1().GetDerEncoded();

    /// <summary>Reads a seal from its DER.</summary>
    /// <exception cref="ArgumentException">Not a seal of this structure.</exception>
    public static SealInfo FromDer(byte[] der) => Asn1Der.Read(() => FromAsn1(Asn1Der.Parse(der, "SESeal")), "SESeal");

    internal Asn1Object ToAsn1() => new DerSequence(
        Content.ToAsn1(),
        new DerSequence(new DerOctetString(MakerCertificate), new DerObjectIdentifier(SignatureAlgorithm), new DerBitString(Signature)));

    internal static SealInfo FromAsn1(Asn1Encodable value)
    {
        var s = Asn1Sequence.GetInstance(value);
        Asn1Der.Expect(s, 2, "SESeal");
        var sign = Asn1Sequence.GetInstance(s[1]);
        Asn1Der.Expect(sign, 3, "SES_SignInfo");
        return new SealInfo(
            SealContent.FromAsn1(s[0]),
            Asn1OctetString.GetInstance(sign[0]).GetOctets(),
            DerObjectIdentifier.GetInstance(sign[1]).Id,
            DerBitString.GetInstance(sign[2]).GetOctets());
    }
}
