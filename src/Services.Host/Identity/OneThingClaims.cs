namespace OneThing.Host.Identity;

/// <summary>Claims OneThing adds to tokens beyond the standard OpenID Connect ones.</summary>
public static class OneThingClaims
{
    /// <summary>Department code of a clerk, head or department system.</summary>
    public const string Department = "department";

    /// <summary>GB/T 2260 region code.</summary>
    public const string Region = "region";

    /// <summary>Real-name assurance level, 1–4.</summary>
    public const string AssuranceLevel = "assurance_level";

    /// <summary>Scope that grants access to the OneThing APIs.</summary>
    public const string ApiScope = "onething_api";
}
