using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Hosting.Abuse;

/// <summary>
/// Rate limits (section <c>RateLimits</c>): for each limited kind of request, how many a user and how many a client
/// address may send per window. Counted per node: with N replicas behind a balancer a client gets up to N times
/// the limit, so set them for one node's share (docs/security.md, "Abuse limits").
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Password sign-ins (token endpoint password grant, the sign-in page). Per user = per user name tried.</summary>
    public RateLimitRule Login { get; set; } = new() { PerUser = 10, PerAddress = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Case submissions (each also pulls the applicant's licences).</summary>
    public RateLimitRule Submission { get; set; } = new() { PerUser = 20, PerAddress = 200, Window = TimeSpan.FromHours(1) };

    /// <summary>Reads that pull e-licences from the licence library: my licences, a journey's prefill, submissions.</summary>
    public RateLimitRule LicencePull { get; set; } = new() { PerUser = 60, PerAddress = 600, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Public document verification: anonymous, so mostly per address; per user only when a token is sent.</summary>
    public RateLimitRule Verification { get; set; } = new() { PerUser = 60, PerAddress = 60, Window = TimeSpan.FromMinutes(1) };

    public RateLimitRule For(AbuseLimit limit) => limit switch
    {
        AbuseLimit.Login => Login,
        AbuseLimit.Submission => Submission,
        AbuseLimit.LicencePull => LicencePull,
        AbuseLimit.Verification => Verification,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var limit in Enum.GetValues<AbuseLimit>())
        {
            var rule = For(limit);
            if (rule.PerUser is < 1 or > 1_000_000)
            {
                yield return new ValidationResult($"{limit}:PerUser must be between 1 and 1000000.", [$"{limit}:PerUser"]);
            }

            if (rule.PerAddress is < 1 or > 1_000_000)
            {
                yield return new ValidationResult($"{limit}:PerAddress must be between 1 and 1000000.", [$"{limit}:PerAddress"]);
            }

            if (rule.Window < TimeSpan.FromSeconds(1) || rule.Window > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult($"{limit}:Window must be between 00:00:01 and 1.00:00:00.", [$"{limit}:Window"]);
            }
        }
    }
}

/// <summary>One limit: at most <see cref="PerUser"/> requests per user and <see cref="PerAddress"/> per client address in each fixed <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public int PerUser { get; set; }

    public int PerAddress { get; set; }

    public TimeSpan Window { get; set; }
}
