using System.Globalization;

namespace OneThing.Host.Hosting.Abuse;

/// <summary>A 429 problem with <c>Retry-After</c> in whole seconds (RFC 9110 §10.2.3), at least one.</summary>
public sealed class TooManyRequestsResult(TimeSpan retryAfter) : IResult
{
    public int RetryAfterSeconds { get; } = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = Problems.TooManyRequests.Create(
            $"Too many requests; try again in {RetryAfterSeconds} seconds.",
            $"请求过于频繁，请在 {RetryAfterSeconds} 秒后重试。");
        problem.Extensions["retryAfter"] = RetryAfterSeconds;
        return Results.Problem(problem).ExecuteAsync(httpContext);
    }
}
