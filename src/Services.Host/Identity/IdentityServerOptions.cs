using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Identity;

/// <summary>
/// Section <c>Identity</c>: the OpenID Connect server. Outside the embedded default the signing and
/// encryption certificates must be configured; the host refuses to start without them.
/// </summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>PKCS#12 file with the private key that signs tokens.</summary>
    public CertificateFile? SigningCertificate { get; set; }

    /// <summary>PKCS#12 file with the private key that encrypts access tokens.</summary>
    public CertificateFile? EncryptionCertificate { get; set; }

    /// <summary>
    /// Reject plain-HTTP requests to the OpenID endpoints. Unset, it is on everywhere but the embedded
    /// default (which serves http://localhost). Behind a TLS-terminating proxy keep it on and forward headers.
    /// </summary>
    public bool? RequireHttps { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Registered client applications (portal, designer, department systems), kept in sync at `migrate`.</summary>
    public List<ClientDefinition> Clients { get; set; } = [];

    public bool HasCertificates => SigningCertificate is not null && EncryptionCertificate is not null;
}

public sealed class CertificateFile
{
    [Required]
    public required string Path { get; set; }

    public string? Password { get; set; }
}

/// <summary>One client application of the OpenID server.</summary>
public sealed class ClientDefinition
{
    [Required]
    public required string ClientId { get; set; }

    /// <summary>Set for confidential clients (department systems); public clients (portal, designer, CLI) have none.</summary>
    public string? ClientSecret { get; set; }

    [Required]
    public required string DisplayName { get; set; }

    /// <summary><c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>, <c>password</c> (sandbox only).</summary>
    public List<string> GrantTypes { get; set; } = [];

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>For department systems: the department whose queue they answer for.</summary>
    public string? DepartmentCode { get; set; }
}
