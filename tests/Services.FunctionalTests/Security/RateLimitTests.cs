using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// Sign-in, submission, licence pulls and public verification are rate limited per user and per client address:
/// over the limit a request gets a 429 problem with Retry-After, and nobody else is affected.
/// </summary>
public sealed class RateLimitTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string High = "1000";

    [Fact]
    public async Task Sign_in_over_the_per_address_limit_is_a_429_problem_and_other_addresses_still_sign_in()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string>
        {
            ["Login:PerAddress"] = "3", ["Login:PerUser"] = High,
        });
        var crowded = host.Client("203.0.113.10");
        foreach (var user in new[] { "zhangwei", "lina", "wangqiang" })
        {
            var token = await LimitedHost.SignInAsync(crowded, user);
            Assert.False(token.IsError, token.ErrorDescription);
        }

        var refused = await LimitedHost.SignInAsync(crowded, "zhaomin");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.HttpStatusCode);
        await AssertTooManyRequestsAsync(refused.HttpResponse!, maxRetryAfterSeconds: 3600);

        // The sign-in page is a sign-in path too: same address, same limit.
        var page = await crowded.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "zhaomin", ["password"] = "whatever",
        }));
        await AssertTooManyRequestsAsync(page, maxRetryAfterSeconds: 3600);

        var elsewhere = await LimitedHost.SignInAsync(host.Client("203.0.113.11"), "zhaomin");
        Assert.False(elsewhere.IsError, elsewhere.ErrorDescription);
    }

    [Fact]
    public async Task Sign_in_over_the_per_user_limit_is_refused_from_every_address_and_other_users_still_sign_in()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string>
        {
            ["Login:PerAddress"] = High, ["Login:PerUser"] = "2",
        });
        Assert.False((await LimitedHost.SignInAsync(host.Client("203.0.113.20"), "zhangwei")).IsError);
        Assert.False((await LimitedHost.SignInAsync(host.Client("203.0.113.21"), "zhangwei", "wrong-password-1")).HttpStatusCode == HttpStatusCode.TooManyRequests);

        // A third address does not help: the limit follows the user name.
        var refused = await LimitedHost.SignInAsync(host.Client("203.0.113.22"), " ZhangWei ");
        await AssertTooManyRequestsAsync(refused.HttpResponse!, maxRetryAfterSeconds: 3600);

        var other = await LimitedHost.SignInAsync(host.Client("203.0.113.22"), "lina");
        Assert.False(other.IsError, other.ErrorDescription);
    }

    [Fact]
    public async Task Submissions_over_the_per_user_limit_are_refused_and_other_applicants_still_submit()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string>
        {
            ["Submission:PerUser"] = "2", ["Submission:PerAddress"] = High, ["LicencePull:PerUser"] = High, ["LicencePull:PerAddress"] = High,
        });
        var zhang = await host.SignedInClientAsync("zhangwei", "203.0.113.30");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await SubmitEmptyAsync(zhang)).StatusCode);
        }

        await AssertTooManyRequestsAsync(await SubmitEmptyAsync(zhang), maxRetryAfterSeconds: 3600);

        // Same address, another applicant: their own count.
        var li = await host.SignedInClientAsync("lina", "203.0.113.30");
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitEmptyAsync(li)).StatusCode);
    }

    [Fact]
    public async Task Submissions_over_the_per_address_limit_are_refused_for_every_user_of_that_address()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string>
        {
            ["Submission:PerUser"] = High, ["Submission:PerAddress"] = "2", ["LicencePull:PerUser"] = High, ["LicencePull:PerAddress"] = High,
        });
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitEmptyAsync(await host.SignedInClientAsync("zhangwei", "203.0.113.35"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitEmptyAsync(await host.SignedInClientAsync("lina", "203.0.113.35"))).StatusCode);
        await AssertTooManyRequestsAsync(await SubmitEmptyAsync(await host.SignedInClientAsync("wangqiang", "203.0.113.35")), maxRetryAfterSeconds: 3600);
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitEmptyAsync(await host.SignedInClientAsync("wangqiang", "203.0.113.36"))).StatusCode);
    }

    [Fact]
    public async Task Licence_pulls_share_one_limit_across_my_licences_prefill_and_submission()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string>
        {
            ["LicencePull:PerUser"] = "3", ["LicencePull:PerAddress"] = High, ["Submission:PerUser"] = High, ["Submission:PerAddress"] = High,
        });
        var zhang = await host.SignedInClientAsync("zhangwei", "203.0.113.40");
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync("/api/v1/me/licences")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync("/api/v1/journeys/newborn/prefill")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitEmptyAsync(zhang)).StatusCode);

        await AssertTooManyRequestsAsync(await zhang.GetAsync("/api/v1/me/licences"), maxRetryAfterSeconds: 3600);
        await AssertTooManyRequestsAsync(await zhang.GetAsync("/api/v1/journeys/newborn/prefill"), maxRetryAfterSeconds: 3600);
        // Reads that pull nothing are not limited.
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync("/api/v1/cases")).StatusCode);

        var li = await host.SignedInClientAsync("lina", "203.0.113.40");
        Assert.Equal(HttpStatusCode.OK, (await li.GetAsync("/api/v1/me/licences")).StatusCode);
    }

    [Fact]
    public async Task Public_verification_is_limited_per_client_address()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string> { ["Verification:PerAddress"] = "2" });
        var visitor = host.Client("203.0.113.50");
        var document = $"/api/v1/verify/{Guid.NewGuid()}?code=AAAA-AAAA";
        for (var i = 0; i < 2; i++)
        {
            var response = await visitor.GetAsync(document);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), "Kestrel must not announce itself");
        }

        await AssertTooManyRequestsAsync(await visitor.GetAsync(document), maxRetryAfterSeconds: 3600);
        await AssertTooManyRequestsAsync(
            await visitor.PostAsync("/api/v1/verify/", new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }),
            maxRetryAfterSeconds: 3600);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await host.Client("203.0.113.51").GetAsync(document)).StatusCode);
        // The catalogue is not limited.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/journeys")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_for_header_from_an_unknown_proxy_does_not_change_the_client_address()
    {
        await using var host = LimitedHost.Start(Platform, new Dictionary<string, string> { ["Verification:PerAddress"] = "2" }, trustLoopbackProxy: false);
        var document = $"/api/v1/verify/{Guid.NewGuid()}?code=AAAA-AAAA";
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await host.Client("198.51.100.1").GetAsync(document)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await host.Client("198.51.100.2").GetAsync(document)).StatusCode);

        // A made-up address does not buy a fresh allowance: the socket's address (loopback) is what counts.
        await AssertTooManyRequestsAsync(await host.Client("198.51.100.3").GetAsync(document), maxRetryAfterSeconds: 3600);
    }

    private static Task<HttpResponseMessage> SubmitEmptyAsync(HttpClient client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        });

    internal static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, int maxRetryAfterSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, maxRetryAfterSeconds);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("too_many_requests", problem.GetProperty("code").GetString());
        Assert.Equal("urn:onething:problem:too_many_requests", problem.GetProperty("type").GetString());
        Assert.Equal("请求过于频繁，请稍后再试", problem.GetProperty("titleZh").GetString());
        Assert.Contains("秒后重试", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem.GetProperty("retryAfter").GetInt32());
    }
}
