using System.Security;
using System.Text;
using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// ES_PictureInfo of GB/T 38540: <c>SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER }</c>,
/// the seal's look: a bitmap (<c>png</c>) or a vector description (<c>svg</c>, <c>ofd</c>); width and height in mm.
/// </summary>
/// <param name="Type">Kind of picture: <c>png</c>, <c>svg</c> or <c>ofd</c>.</param>
/// <param name="Data">The picture's bytes.</param>
/// <param name="WidthMm">Printed width in millimetres.</param>
/// <param name="HeightMm">Printed height in millimetres.</param>
public sealed record SealPicture(string Type, byte[] Data, int WidthMm, int HeightMm)
{
    /// <summary>The usual size of an official round seal (公章), 42 mm.</summary>
    public const int OfficialSealMm = 42;

    /// <summary>A small SVG of the seal: a red double circle, the department name inside and a star.</summary>
    public static SealPicture Svg(string departmentName)
    {
        var name = SecurityElement.Escape(departmentName);
        var svg = $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="42mm" height="42mm" viewBox="0 0 420 420">
              <circle cx="210" cy="210" r="200" fill="none" stroke="#dc141e" stroke-width="12"/>
              <circle cx="210" cy="210" r="180" fill="none" stroke="#dc141e" stroke-width="3"/>
              <polygon points="210,150 224,192 268,192 232,218 246,260 210,234 174,260 188,218 152,192 196,192" fill="#dc141e"/>
              <text x="210" y="110" font-size="36" text-anchor="middle" fill="#dc141e">{name}</text>
              <text x="210" y="320" font-size="28" text-anchor="middle" fill="#dc141e">电子印章</text>
            </svg>
            """;
        return new SealPicture("svg", Encoding.UTF8.GetBytes(svg), OfficialSealMm, OfficialSealMm);
    }

    internal Asn1Encodable ToAsn1() =>
        new DerSequence(new DerIA5String(Type, true), new DerOctetString(Data), DerInteger.ValueOf(WidthMm), DerInteger.ValueOf(HeightMm));

    internal static SealPicture FromAsn1(Asn1Encodable value)
    {
        var s = Asn1Sequence.GetInstance(value);
        Asn1Der.Expect(s, 4, "ES_PictureInfo");
        return new SealPicture(
            DerIA5String.GetInstance(s[0]).GetString(),
            Asn1OctetString.GetInstance(s[1]).GetOctets(),
            DerInteger.GetInstance(s[2]).IntValueExact,
            DerInteger.GetInstance(s[3]).IntValueExact);
    }
}
