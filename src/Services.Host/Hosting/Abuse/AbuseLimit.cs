namespace OneThing.Host.Hosting.Abuse;

/// <summary>The kinds of request that are rate limited; an endpoint declares its kinds with <see cref="AbuseLimitExtensions.RequireAbuseLimits{TBuilder}"/>.</summary>
public enum AbuseLimit
{
    Login,
    Submission,
    LicencePull,
    Verification,
}

/// <summary>Endpoint metadata: the limits a request to this endpoint counts against.</summary>
public sealed record AbuseLimitMetadata(IReadOnlyList<AbuseLimit> Limits);
