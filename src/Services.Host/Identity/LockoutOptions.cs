using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Identity;

/// <summary>Account lockout after repeated failed sign-ins (section <c>Identity:Lockout</c>), on every password sign-in path.</summary>
public sealed class LockoutOptions
{
    public const string Section = "Identity:Lockout";

    /// <summary>Failed attempts in a row that lock the account; a successful sign-in starts the count again.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
