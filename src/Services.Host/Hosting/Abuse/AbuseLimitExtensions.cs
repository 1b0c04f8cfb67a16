namespace OneThing.Host.Hosting.Abuse;

public static class AbuseLimitExtensions
{
    /// <summary>Counts each request to these endpoints against the given limits, per user and per client address.</summary>
    public static TBuilder RequireAbuseLimits<TBuilder>(this TBuilder builder, params AbuseLimit[] limits)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AbuseLimitMetadata(limits));
}
