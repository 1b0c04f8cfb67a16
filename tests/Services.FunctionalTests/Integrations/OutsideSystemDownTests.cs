using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Integrations;

/// <summary>When the licence library cannot be reached, a submission answers 503 problem details and stores nothing.</summary>
public sealed class OutsideSystemDownTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Form = """
        {"company": {"name": "菏泽智汇信息科技有限公司", "type": "有限责任公司（自然人投资或控股）", "registeredCapital": 100, "address": "山东省菏泽市单县北城街道园艺路18号", "regionCode": "371722", "businessScope": "软件开发；信息技术咨询服务"}, "legalRepresentative": {"name": "赵敏", "idNumber": "371722198811204064", "phone": "13800000004"}, "shareholders": [{"name": "赵敏", "idNumber": "371722198811204064", "share": 60}, {"name": "刘洋", "idNumber": "371703198508123019", "share": 40}], "employees": 8, "bank": {"name": "中国建设银行", "branch": "单县支行"}}
        """;

    [Fact]
    public async Task A_submission_while_the_licence_library_is_unreachable_is_a_503_problem_and_creates_no_case()
    {
        var settings = Platform.Settings();
        settings["Integrations:LicenceLibrary:BaseUrl"] = "http://127.0.0.1:1/licence-library/v1/"; // nothing listens on port 1
        await using var host = new OneThingAppFactory(settings);
        using var client = await host.CreateApiClient().AuthorizeAsync("zhaomin");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = JsonContent.Create(new
            {
                journey = "business-startup",
                form = JsonDocument.Parse(Form).RootElement,
            }),
        };
        request.Headers.Add("Idempotency-Key", "library-down-1");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("service_unavailable", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString() ?? string.Empty;
        Assert.True(detail.Contains("licence library", StringComparison.OrdinalIgnoreCase) || detail.Contains("LicenceLibrary", StringComparison.Ordinal), detail);
        Assert.Contains("外部系统", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }
}
