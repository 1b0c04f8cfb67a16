using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Security;

/// <summary>Security headers on every response, CORS for the configured portal origins only, secure cookies, request limits.</summary>
public sealed class HardeningTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Portal = "https://portal.example.gov.cn";

    [Theory]
    [InlineData("/api/v1/journeys", HttpStatusCode.OK)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/me", HttpStatusCode.Unauthorized)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    public async Task Api_responses_carry_the_security_headers_and_a_csp_that_allows_nothing(string path, HttpStatusCode status)
    {
        using var client = Platform.Factory.CreateApiClient();
        var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/api-reference/v1")]
    [InlineData("/account/login")]
    public async Task Html_pages_get_a_csp_that_allows_their_own_scripts_and_styles_and_no_framing(string path)
    {
        using var client = Platform.Factory.CreateApiClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);

        // Everything the page loads comes from the host itself: a CSP of 'self' does not break it.
        var html = await response.Content.ReadAsStringAsync();
        foreach (System.Text.RegularExpressions.Match source in System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\""))
        {
            var url = source.Groups[1].Value;
            Assert.False(url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal),
                $"{path} loads {url} from elsewhere, which its Content-Security-Policy refuses");
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        using var client = Platform.Factory.CreateApiClient();
        var response = await client.GetAsync("/health/live");
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Preflight_from_a_configured_portal_origin_is_allowed_and_from_any_other_origin_refused()
    {
        var settings = Platform.Settings();
        settings["Cors:PortalOrigins:0"] = Portal;
        await using var host = new OneThingAppFactory(settings);
        using var client = host.CreateApiClient();

        var allowed = await client.SendAsync(Preflight(Portal));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Portal, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(allowed, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("idempotency-key", Header(allowed, "Access-Control-Allow-Headers").ToLowerInvariant(), StringComparison.Ordinal);

        foreach (var origin in new[] { "https://evil.example.com", "https://portal.example.gov.cn.evil.example.com", "http://portal.example.gov.cn", "null" })
        {
            var refused = await client.SendAsync(Preflight(origin));
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), $"{origin} must not be allowed");
        }

        var simple = new HttpRequestMessage(HttpMethod.Get, "/api/v1/journeys") { Headers = { { "Origin", Portal } } };
        var answer = await client.SendAsync(simple);
        Assert.Equal(Portal, Header(answer, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(answer, "Access-Control-Expose-Headers"), StringComparison.Ordinal);

        var foreign = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/journeys") { Headers = { { "Origin", "https://evil.example.com" } } });
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configured_portal_origins_no_cross_origin_call_is_allowed()
    {
        using var client = Platform.Factory.CreateApiClient();
        var response = await client.SendAsync(Preflight(Portal));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_portal_origin_with_a_path_or_wildcard_fails_the_boot()
    {
        var environment = Platform.Environment();
        environment["Cors__PortalOrigins__0"] = "https://*.example.gov.cn";
        environment["Cors__PortalOrigins__1"] = "https://portal.example.gov.cn/app";
        var (exitCode, output) = await HostProcess.RunAsync([], environment, TimeSpan.FromMinutes(1));
        Assert.Equal(2, exitCode);
        Assert.Contains("OneThing cannot start", output, StringComparison.Ordinal);
        Assert.Contains("https://*.example.gov.cn", output, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.gov.cn/app", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_host_only_secure_http_only_and_same_site()
    {
        using var client = Platform.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = OneThingAppFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = false,
        });
        var page = await client.GetAsync("/account/login");
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-onething.antiforgery=", StringComparison.Ordinal));
        AssertSecureCookie(antiforgery, "strict");

        var html = await page.Content.ReadAsStringAsync();
        var field = System.Text.RegularExpressions.Regex.Match(html, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]*)\"");
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value),
                ["userName"] = "zhangwei",
                ["password"] = OneThing.Host.Sandbox.SandboxDefaults.DemoPassword,
                ["returnUrl"] = "/",
            }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-onething.session=", StringComparison.Ordinal));
        AssertSecureCookie(session, "lax");
    }

    [Fact]
    public async Task An_oversized_sign_in_form_is_a_413_problem()
    {
        using var client = Platform.Factory.CreateApiClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "zhangwei", ["password"] = new string('x', 20 * 1024),
        }));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Json_nested_deeper_than_32_levels_is_a_400_problem()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var deep = "{\"journey\":\"newborn\",\"form\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = new StringContent(deep, Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        };
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "malformed_json");
    }

    [Fact]
    public async Task A_submission_may_carry_materials_beyond_the_default_body_limit_but_not_beyond_its_own()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");

        // 3 MB of (invalid) materials: past the 1 MiB default, within the submission's limit, so it is read and judged.
        var sized = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = new StringContent("{\"journey\":\"no-such-journey\",\"materials\":[{\"code\":\"x\",\"content\":\"" + new string('A', 3 * 1024 * 1024) + "\"}]}",
                Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        };
        var judged = await client.SendAsync(sized);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, judged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, judged.StatusCode);

        var huge = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = new StringContent("{\"x\":\"" + new string('A', 13 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        };
        await AssertProblemAsync(await client.SendAsync(huge), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/v1/cases")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization,content-type,idempotency-key" },
        },
    };

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    private static void AssertSecureCookie(string cookie, string sameSite)
    {
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains($"samesite={sameSite}", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}
