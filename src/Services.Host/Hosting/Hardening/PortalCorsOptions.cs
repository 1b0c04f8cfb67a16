using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Hosting.Hardening;

/// <summary>
/// Cross-origin access (section <c>Cors</c>): browsers may call the API from these portal origins only
/// (<c>https://portal.example.gov.cn</c>: scheme, host and port, no path). None by default: same-origin only.
/// </summary>
public sealed class PortalCorsOptions : IValidatableObject
{
    public const string Section = "Cors";

    public List<string> PortalOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in PortalOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/') || origin.Contains('*', StringComparison.Ordinal))
            {
                yield return new ValidationResult(
                    $"'{origin}' is not an origin: give scheme, host and optional port, such as https://portal.example.gov.cn (no path, no wildcard).",
                    [nameof(PortalOrigins)]);
            }
        }
    }
}
