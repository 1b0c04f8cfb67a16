namespace OneThing.Integrations.OutsideSystems;

/// <summary>
/// Settings of one outside system, named options per <see cref="OutsideSystem.Key"/> bound to
/// <c>Integrations:{Key}</c>, e.g. <c>Integrations:LicenceLibrary:BaseUrl</c>.
/// </summary>
public sealed class OutsideSystemOptions
{
    public const string Section = "Integrations";

    /// <summary>Root of the system's API, e.g. <c>https://dzzz.example.gov.cn/licence-library/v1/</c>. When unset, the sandbox's own server is used (sandbox profile only).</summary>
    public Uri? BaseUrl { get; set; }
}
