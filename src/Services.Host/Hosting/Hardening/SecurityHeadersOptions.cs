using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Hosting.Hardening;

/// <summary>Security headers (section <c>SecurityHeaders</c>): only HSTS is tunable; the rest is fixed policy.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "SecurityHeaders";

    /// <summary>
    /// <c>Strict-Transport-Security</c> max-age, sent on HTTPS responses outside development (one year by default;
    /// zero sends none, for an installation whose TLS front adds its own).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "730.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Whether HSTS covers subdomains too (<c>includeSubDomains</c>).</summary>
    public bool HstsIncludeSubDomains { get; set; } = true;
}
