using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Hosting;

/// <summary>Settings of the HTTP host itself (section <c>Hosting</c>).</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Largest request body an endpoint accepts unless it declares its own limit.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Name reported to OpenTelemetry as <c>service.name</c>.</summary>
    [Required]
    public string ServiceName { get; set; } = "onething-host";
}
