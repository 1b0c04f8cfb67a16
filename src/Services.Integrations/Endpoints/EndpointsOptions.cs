namespace OneThing.Integrations.Endpoints;

/// <summary>
/// Outside HTTP endpoints that workflows may call by name (section <c>Integrations</c>). A definition names
/// an endpoint, never a URL, so designers cannot point the server at arbitrary addresses.
/// </summary>
public sealed class EndpointsOptions
{
    public const string Section = "Integrations";

    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sent as <c>X-OneThing-Node</c> so outside systems (and tests) can tell which node called.</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}

public sealed class EndpointOptions
{
    public Uri? BaseUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
