using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// SES_SealInfo of GB/T 38540, what the seal maker signs: <c>SEQUENCE { header SES_Header, esID IA5String,
/// property ES_PropertyInfo, picture ES_PictureInfo }</c> (no extDatas).
/// </summary>
/// <param name="Header">Structure id and version.</param>
/// <param name="EsId">The seal's identifier (esID).</param>
/// <param name="Property">Name, certificates and validity.</param>
/// <param name="Picture">The seal's look.</param>
public sealed record SealContent(SealHeader Header, string EsId, SealProperty Property, SealPicture Picture)
{
    /// <summary>The DER the seal maker signs.</summary>
    public byte[] ToDer() => ToAsn1().GetDerEncoded();

    internal Asn1Object ToAsn1() => new DerSequence(Header.ToAsn1(), new DerIA5String(EsId, true), Property.ToAsn1(), Picture.ToAsn1());

    internal static SealContent FromAsn1(Asn1Encodable value)
    {
        var s = Asn1Sequence.GetInstance(value);
        Asn1Der.Expect(s, 4, "SES_SealInfo");
        return new SealContent(
            SealHeader.FromAsn1(s[0]),
            DerIA5String.GetInstance(s[1]).GetString(),
            SealProperty.FromAsn1(s[2]),
            SealPicture.FromAsn1(s[3]));
    }
}
