using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// ES_PropertyInfo of GB/T 38540: <c>SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER (1 = certificates),
/// certList SEQUENCE OF OCTET STRING, createDate, validStart, validEnd GeneralizedTime }</c>.
/// </summary>
/// <param name="Type">Kind of seal; <see cref="OfficialSeal"/> for a unit's seal (单位印章).</param>
/// <param name="Name">The seal's name: the department's name.</param>
/// <param name="Certificates">DER of the certificates allowed to sign with this seal.</param>
/// <param name="CreatedAt">When the seal was made.</param>
/// <param name="ValidStart">Start of the seal's validity.</param>
/// <param name="ValidEnd">End of the seal's validity.</param>
public sealed record SealProperty(int Type, string Name, IReadOnlyList<byte[]> Certificates, DateTimeOffset CreatedAt, DateTimeOffset ValidStart, DateTimeOffset ValidEnd)
{
    /// <summary>Seal type of a unit's official seal (单位印章).</summary>
    public const int OfficialSeal = 1;

    /// <summary>certListType: the list holds certificates (2 would be certificate hashes).</summary>
    private const int CertificateList = 1;

    /// <summary>Whether <paramref name="time"/> falls in the validity window.</summary>
    public bool IsValidAt(DateTimeOffset time) => time >= ValidStart && time <= ValidEnd;

    internal Asn1Encodable ToAsn1() => new DerSequence(
        DerInteger.ValueOf(Type),
        new DerUtf8String(Name),
        DerInteger.ValueOf(CertificateList),
        new DerSequence(Certificates.Select(c => (Asn1Encodable)new DerOctetString(c)).ToArray()),
        Asn1Der.Time(CreatedAt),
        Asn1Der.Time(ValidStart),
        Asn1Der.Time(ValidEnd));

    internal static SealProperty FromAsn1(Asn1Encodable value)
    {
        var s = Asn1Sequence.GetInstance(value);
        Asn1Der.Expect(s, 7, "ES_PropertyInfo");
        if (DerInteger.GetInstance(s[2]).IntValueExact != CertificateList)
        {
            throw new ArgumentException("Only seals listing whole certificates (certListType 1) are supported.");
        }

        return new SealProperty(
            DerInteger.GetInstance(s[0]).IntValueExact,
            DerUtf8String.GetInstance(s[1]).GetString(),
            Asn1Sequence.GetInstance(s[3]).Cast<Asn1Encodable>().Select(c => Asn1OctetString.GetInstance(c).GetOctets()).ToList(),
            Asn1Der.Time(s[4]),
            Asn1Der.Time(s[5]),
            Asn1Der.Time(s[6]));
    }
}
