using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneThing.Host.Hosting.Abuse;

/// <summary>
/// The per-user half of the sign-in limit (<c>RateLimits:Login:PerUser</c>): attempts per user name, whether the
/// name exists or not, so that guessing one account's password from many addresses is slowed as well. The
/// per-address half is the global limiter on the sign-in endpoints.
/// </summary>
public sealed class LoginThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userName =>
        RateLimitPartition.GetFixedWindowLimiter(userName, _ => AbuseLimitsSetup.Window(options.Value.Login.PerUser, options.Value.Login.Window)));

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.Login.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
