namespace OneThing.Integrations.OutsideSystems;

/// <summary>
/// An outside system OneThing calls over HTTP. <see cref="Key"/> names its settings
/// (<c>Integrations:{Key}:BaseUrl</c>); <see cref="Name"/> is how messages and logs refer to it.
/// </summary>
public sealed record OutsideSystem(string Key, string Name, string NameZh)
{
    /// <summary>The e-licence library (电子证照库).</summary>
    public static readonly OutsideSystem LicenceLibrary = new("LicenceLibrary", "licence library", "电子证照库");

    /// <summary>The SMS gateway (短信网关).</summary>
    public static readonly OutsideSystem Sms = new("Sms", "SMS gateway", "短信网关");

    public static readonly IReadOnlyList<OutsideSystem> All = [LicenceLibrary, Sms];

    public override string ToString() => $"{Name} ({NameZh})";
}
