using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// SES_Header of GB/T 38540: <c>SEQUENCE { id IA5String ("ES"), version INTEGER, vid IA5String }</c>.
/// </summary>
/// <param name="Id">Always <c>ES</c>.</param>
/// <param name="Version">Structure version (4 in GB/T 38540-2020).</param>
/// <param name="VendorId">Who made the structure (vid).</param>
public sealed record SealHeader(string Id, int Version, string VendorId)
{
    /// <summary>The header this code writes.</summary>
    public static readonly SealHeader Current = new("ES", 4, "OneThing");

    internal Asn1Encodable ToAsn1() => new DerSequence(new DerIA5String(Id, true), DerInteger.ValueOf(Version), new DerIA5String(VendorId, true));

    internal static SealHeader FromAsn1(Asn1Encodable value)
    {
        var s = Asn1Sequence.GetInstance(value);
        Asn1Der.Expect(s, 3, "SES_Header");
        return new SealHeader(DerIA5String.GetInstance(s[0]).GetString(), DerInteger.GetInstance(s[1]).IntValueExact, DerIA5String.GetInstance(s[2]).GetString());
    }
}
