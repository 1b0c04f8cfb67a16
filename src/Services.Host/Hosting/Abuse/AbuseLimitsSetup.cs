using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneThing.Host.Hosting.Abuse;

/// <summary>
/// Rate limits with ASP.NET Core's rate limiter: one global chain holding, for each <see cref="AbuseLimit"/>, a
/// fixed-window limiter per user (the token's subject) and one per client address. A request counts only against
/// the limits its endpoint declares; anything else passes untouched. A refused request gets a 429 problem with
/// <c>Retry-After</c>. Sign-ins are counted per user name by <see cref="LoginThrottle"/>, since the user is not
/// known before the password is checked.
/// </summary>
public static class AbuseLimitsSetup
{
    public static IHostApplicationBuilder AddAbuseLimits(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Enum.GetValues<AbuseLimit>()
                    .SelectMany(limit => new[] { PerUser(limit, limits.Value.For(limit)), PerAddress(limit, limits.Value.For(limit)) })
                    .ToArray());
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AbuseLimitsSetup))
                    .LogWarning("Rate limit reached for {Method} {Path} from {Address}", context.HttpContext.Request.Method,
                        context.HttpContext.Request.Path, ClientAddress.Of(context.HttpContext));
                return new ValueTask(new TooManyRequestsResult(retryAfter).ExecuteAsync(context.HttpContext));
            };
        });
        return builder;
    }

    /// <summary>After authentication (so the user is known) and before the endpoints run.</summary>
    public static WebApplication UseAbuseLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> PerUser(AbuseLimit limit, RateLimitRule rule) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Declares(context, limit) && context.User.FindFirst(Claims.Subject)?.Value is { } subject
                ? RateLimitPartition.GetFixedWindowLimiter($"{limit}:user:{subject}", _ => Window(rule.PerUser, rule.Window))
                : RateLimitPartition.GetNoLimiter(string.Empty));

    private static PartitionedRateLimiter<HttpContext> PerAddress(AbuseLimit limit, RateLimitRule rule) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Declares(context, limit)
                ? RateLimitPartition.GetFixedWindowLimiter($"{limit}:address:{ClientAddress.Of(context)}", _ => Window(rule.PerAddress, rule.Window))
                : RateLimitPartition.GetNoLimiter(string.Empty));

    private static bool Declares(HttpContext context, AbuseLimit limit) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AbuseLimitMetadata>()?.Limits.Contains(limit) == true;

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
