using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Hosting;

/// <summary>Settings of the HTTP host itself (section <c>Hosting</c>).</summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Hosting";

    /// <summary>Largest request body an endpoint accepts unless it declares its own limit.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Addresses of reverse proxies / ingress controllers that terminate TLS in front of the host. Their
    /// X-Forwarded-For and X-Forwarded-Proto headers are believed (so the OpenID server sees HTTPS);
    /// nobody else's are.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, such as <c>10.0.0.0/8</c>) of such proxies, for an ingress whose addresses change.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Name reported to OpenTelemetry as <c>service.name</c>.</summary>
    [Required]
    public string ServiceName { get; set; } = "onething-host";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR notation (such as 10.0.0.0/8).", [nameof(KnownNetworks)]);
        }
    }
}
