using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OneThing.Host.Hosting.Abuse;

namespace OneThing.Host.Identity;

/// <summary>
/// The one password check behind every sign-in path (token endpoint password grant, the sign-in page): the per-user
/// rate limit, then ASP.NET Core Identity's lockout. A user name that does not exist is counted and "locked" exactly
/// like a real one (in memory), so the answers never tell whether an account exists.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    LoginThrottle throttle,
    IMemoryCache unknownNames,
    IOptions<LockoutOptions> lockout,
    TimeProvider time)
{
    public async Task<PasswordSignInResult> CheckAsync(string? userName, string? password)
    {
        var name = userName?.Trim() ?? string.Empty;
        if (throttle.TryAttempt(name) is { } retryAfter)
        {
            return new PasswordSignInResult.Throttled(retryAfter);
        }

        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        if (user is null)
        {
            return FailUnknown(name);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (check.Succeeded)
        {
            return new PasswordSignInResult.Succeeded(user);
        }

        if (check.IsLockedOut)
        {
            return new PasswordSignInResult.LockedOut(await users.GetLockoutEndDateAsync(user) ?? time.GetUtcNow().Add(lockout.Value.Duration));
        }

        return new PasswordSignInResult.Wrong();
    }

    private PasswordSignInResult FailUnknown(string name)
    {
        var key = "unknown-sign-in:" + name.ToUpperInvariant();
        var now = time.GetUtcNow();
        var entry = unknownNames.Get<UnknownName>(key) ?? new UnknownName(0, null);
        if (entry.LockedUntil > now)
        {
            return new PasswordSignInResult.LockedOut(entry.LockedUntil.Value);
        }

        var failures = entry.LockedUntil is null ? entry.Failures + 1 : 1;
        var lockedUntil = failures >= lockout.Value.MaxFailedAttempts ? now.Add(lockout.Value.Duration) : (DateTimeOffset?)null;
        unknownNames.Set(key, new UnknownName(lockedUntil is null ? failures : 0, lockedUntil), lockout.Value.Duration + TimeSpan.FromMinutes(1));
        return lockedUntil is { } until ? new PasswordSignInResult.LockedOut(until) : new PasswordSignInResult.Wrong();
    }

    private sealed record UnknownName(int Failures, DateTimeOffset? LockedUntil);
}

/// <summary>What a password sign-in came to.</summary>
public abstract record PasswordSignInResult
{
    private PasswordSignInResult()
    {
    }

    public sealed record Succeeded(AppUser User) : PasswordSignInResult;

    /// <summary>Wrong password or unknown user name: the same answer for both.</summary>
    public sealed record Wrong : PasswordSignInResult;

    public sealed record LockedOut(DateTimeOffset Until) : PasswordSignInResult;

    public sealed record Throttled(TimeSpan RetryAfter) : PasswordSignInResult;
}
