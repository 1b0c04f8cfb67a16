using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Hosting;

/// <summary>Every error is an RFC 9457 problem with a stable code and a Chinese title — never a bare status or a 500.</summary>
public sealed class ProblemDetailsTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var client = Platform.Factory.CreateApiClient();
        var problem = await ProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal("GET /api/v1/no-such-thing", problem.GetProperty("instance").GetString());
        Assert.Equal("未找到请求的资源", problem.GetProperty("titleZh").GetString());
        Assert.Equal("urn:onething:problem:not_found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        await ProblemAsync(await client.DeleteAsync("/api/v1/me"), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("{\"ids\": [")]
    [InlineData("{\"ids\": \"not-a-list\"}")]
    [InlineData("{\"ids\": [\"x\"]}")]
    [InlineData("{\"ids\": [], \"ids\": []}")]
    public async Task Malformed_or_mistyped_json_is_a_400_problem(string body)
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var response = await client.PostAsync("/api/v1/me/notifications/read", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "malformed_json");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detailZh").GetString()));
    }

    [Fact]
    public async Task Type_error_names_the_field_as_a_json_pointer()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var response = await client.PostAsync("/api/v1/me/notifications/read",
            new StringContent("{\"ids\": [\"00000000-0000-0000-0000-000000000000\", 42]}", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "malformed_json");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("#/ids/1", error.GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Invalid_field_is_a_validation_problem_with_bilingual_field_errors()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var response = await client.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = Array.Empty<Guid>() });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("#/ids", error.GetProperty("pointer").GetString());
        Assert.Equal("ids_count", error.GetProperty("code").GetString());
        Assert.Contains("消息", error.GetProperty("detailZh").GetString());
        Assert.Contains("notification", error.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversized_body_is_a_413_problem()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var huge = "{\"ids\": [\"" + new string('a', 2 * 1024 * 1024) + "\"]}";
        var response = await client.PostAsync("/api/v1/me/notifications/read", new StringContent(huge, Encoding.UTF8, "application/json"));
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        using var client = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var response = await client.PostAsync("/api/v1/me/notifications/read", new StringContent("ids=1", Encoding.UTF8, "text/plain"));
        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }
}
