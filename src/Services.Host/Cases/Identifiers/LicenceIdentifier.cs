namespace OneThing.Host.Cases.Identifiers;

/// <summary>
/// An e-licence identifier (电子证照标识, GB/T 36904-2018):
/// <c>1.2.156.3005.2.&lt;licence type code&gt;.&lt;issuer code&gt;.&lt;serial&gt;.&lt;3-digit version&gt;.&lt;check&gt;</c>,
/// the check being ISO 7064 MOD 37,36 over type, issuer, serial and version written together.
/// </summary>
public sealed record LicenceIdentifier(string Value, string TypeCode, string IssuerCode, string Serial, int Version)
{
    public const string Root = "1.2.156.3005.2";

    public static LicenceIdentifier Create(string typeCode, string issuerCode, string serial, int version)
    {
        var versionText = version.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        var check = Iso7064.Mod37_36(typeCode + issuerCode + serial + versionText)
            ?? throw new ArgumentException("Licence identifier parts must be 0–9 and A–Z.");
        return new LicenceIdentifier($"{Root}.{typeCode}.{issuerCode}.{serial}.{versionText}.{check}", typeCode, issuerCode, serial, version);
    }

    public static bool TryParse(string? text, out LicenceIdentifier? identifier, out IdentifierError? error)
    {
        identifier = null;
        var value = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!value.StartsWith(Root + ".", StringComparison.Ordinal) || value[(Root.Length + 1)..].Split('.') is not [var type, var issuer, var serial, var version, var check]
            || version.Length != 3 || !version.AsSpan().ContainsOnlyDigits() || check.Length != 1
            || type.Length == 0 || issuer.Length == 0 || serial.Length == 0)
        {
            error = IdentifierError.Format;
            return false;
        }

        var expected = Iso7064.Mod37_36(type + issuer + serial + version);
        if (expected is null)
        {
            error = IdentifierError.Characters;
            return false;
        }

        if (expected != check[0])
        {
            error = IdentifierError.CheckCharacter;
            return false;
        }

        error = null;
        identifier = new LicenceIdentifier(value, type, issuer, serial, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
