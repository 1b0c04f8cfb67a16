using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Integrations.Licences;
using static OneThing.FunctionalTests.Journeys.CaseJson;
using static OneThing.FunctionalTests.Journeys.JourneyForms;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// What a wrong submission gets back over HTTP: a 400 problem listing every wrong item at once (一次告知), each at its
/// exact JSON pointer with a stable code and a message in Chinese and English — and nothing is stored: no case, no
/// licence pulled.
/// </summary>
public sealed class CaseInputValidationTests(PlatformFixture platform) : PlatformTest(platform)
{
    /// <summary>"%PDF-1.4\n" in base64.</summary>
    private const string Pdf = "JVBERi0xLjQK";

    private static readonly object EmployerAuthorisation = new { kind = "employer-authorisation", reference = "鲁西机械人〔2026〕3号" };

    private readonly JourneyClient _journeys = new(platform);

    private ILicenceLibrary Library => Platform.Factory.Services.GetRequiredService<ILicenceLibrary>();

    public override Task DisposeAsync()
    {
        _journeys.Dispose();
        return base.DisposeAsync();
    }

    /// <summary>journey, field (JSON pointer into the form), its new value as JSON (null: removed), the expected code.</summary>
    public static TheoryData<string, string, string?, string> WrongFields => new()
    {
        { "newborn", "/father/idNumber", "\"371702199003071232\"", "format.resident-id.check" },
        { "newborn", "/child/birthDate", "\"2025-02-29\"", "format.date" },
        { "newborn", "/child/birthDate", "\"2030-01-01\"", "future_date" },
        { "newborn", "/child/birthPlace", "\"991702\"", "format.region-code" },
        { "newborn", "/mother/phone", "\"12800000002\"", "format.mobile" },
        { "newborn", "/child/sex", "\"M\"", "enum" },
        { "newborn", "/bankAccount/accountNumber", "\"6217-0012-3456-7890\"", "pattern" },
        { "newborn", "/household", null, "required" },
        { "newborn", "/child/hospital", null, "required" },
        { "newborn", "/address", JsonSerializer.Serialize(new string('址', 201)), "too_long" },
        { "newborn", "/child/nickname", "\"小涵\"", "not_allowed" },
        { "newborn", "/father/phone", "13800000001", "type" },
        { "retirement", "/employer/creditCode", "\"91371721MA3C7K2L57\"", "format.credit-code.check" },
        { "retirement", "/employee/insuredSince", "\"1990-02-30\"", "format.date" },
        { "retirement", "/employee/retirementDate", "\"2024-12-31\"", "too_early" },
        { "business-startup", "/company/regionCode", "\"37172\"", "format.region-code" },
        { "business-startup", "/employees", "\"八\"", "type" },
        { "business-startup", "/bank/name", "\"花旗银行\"", "enum" },
        { "property-transfer", "/contract/signedOn", "\"2030-01-01\"", "future_date" },
        { "property-transfer", "/contract/number", "\"WQ 2026/123\"", "pattern" },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public async Task Each_wrong_field_is_reported_at_its_pointer_with_its_code(string journey, string field, string? value, string code)
    {
        var (user, form, extra) = Valid(journey);
        Set(form, field, value);

        var response = await _journeys.PostAsync(user, "/api/v1/cases", Body(journey, form, extra), Guid.NewGuid().ToString());

        var (problem, errors) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(errors);
        Assert.Equal(("#/form" + field, code), (error.Pointer, error.Code));
        AssertBilingual(problem, errors);
        await AssertNothingStoredAsync(user);
    }

    [Theory]
    [InlineData("lease-contract", "application/pdf", Pdf, "#/materials/0/code", "unknown_material")]
    [InlineData("father-id-card", "application/pdf", Pdf, "#/materials/0/code", "unknown_material")]
    [InlineData("maternity-receipts", "application/zip", Pdf, "#/materials/0/mediaType", "media_type")]
    [InlineData("maternity-receipts", "application/pdf", "这不是 base64!", "#/materials/0/content", "content")]
    public async Task Each_wrong_material_is_reported_at_its_pointer_with_its_code(string material, string mediaType, string content, string pointer, string code)
    {
        var body = new { journey = "newborn", form = Newborn(), materials = new[] { new { code = material, fileName = "票据.pdf", mediaType, content } } };

        var response = await _journeys.PostAsync("zhangwei", "/api/v1/cases", body, Guid.NewGuid().ToString());

        var (problem, errors) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([(pointer, code)], errors.Select(e => (e.Pointer, e.Code)));
        AssertBilingual(problem, errors);
        await AssertNothingStoredAsync("zhangwei");
    }

    [Fact]
    public async Task Every_error_of_one_submission_is_reported_at_once_in_both_languages()
    {
        var form = Newborn();
        Set(form, "/father/idNumber", "\"371702199003071232\"");
        Set(form, "/father/phone", "13800000001");
        Set(form, "/child/birthDate", "\"2030-01-01\"");
        Set(form, "/child/birthPlace", "\"991702\"");
        Set(form, "/child/sex", "\"M\"");
        Set(form, "/child/hospital", null);
        Set(form, "/child/nickname", "\"小涵\"");
        Set(form, "/mother/phone", "\"12800000002\"");
        Set(form, "/household", null);
        Set(form, "/bankAccount/accountNumber", "\"6217-0012-3456-7890\"");
        Set(form, "/address", JsonSerializer.Serialize(new string('址', 201)));
        var body = new
        {
            journey = "newborn",
            form,
            materials = new[]
            {
                new { code = "lease-contract", fileName = "合同.pdf", mediaType = "application/pdf", content = Pdf },
                new { code = "maternity-receipts", fileName = "票据.zip", mediaType = "application/zip", content = "不是 base64" },
                new { code = "father-id-card", fileName = "身份证.pdf", mediaType = "application/pdf", content = Pdf },
            },
            onBehalfOf = new { idNumber = LiNa, name = "李娜" },
        };

        var response = await _journeys.PostAsync("zhangwei", "/api/v1/cases", body, Guid.NewGuid().ToString());

        var (problem, errors) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        (string, string)[] expected =
        [
            ("#/onBehalfOf", "not_allowed"),
            ("#/form/child/sex", "enum"),
            ("#/form/child/birthDate", "future_date"),
            ("#/form/child/birthPlace", "format.region-code"),
            ("#/form/child/hospital", "required"),
            ("#/form/child/nickname", "not_allowed"),
            ("#/form/father/idNumber", "format.resident-id.check"),
            ("#/form/father/phone", "type"),
            ("#/form/mother/phone", "format.mobile"),
            ("#/form/household", "required"),
            ("#/form/bankAccount/accountNumber", "pattern"),
            ("#/form/address", "too_long"),
            ("#/materials/0/code", "unknown_material"),
            ("#/materials/1/mediaType", "media_type"),
            ("#/materials/1/content", "content"),
            ("#/materials/2/code", "unknown_material"),
        ];
        Assert.Equal(expected.Order(), errors.Select(e => (e.Pointer, e.Code)).Order());
        Assert.Equal($"申请中有 {expected.Length} 处需要修改。", Text(problem, "detailZh"));
        Assert.StartsWith($"{expected.Length} item(s)", Text(problem, "detail"));
        AssertBilingual(problem, errors);

        // Form errors come in the order of the form, before the materials'.
        var pointers = errors.Select(e => e.Pointer).ToList();
        Assert.True(pointers.IndexOf("#/form/child/sex") < pointers.IndexOf("#/form/father/idNumber"));
        Assert.True(pointers.IndexOf("#/form/father/idNumber") < pointers.IndexOf("#/form/address"));
        Assert.True(pointers.IndexOf("#/form/address") < pointers.IndexOf("#/materials/0/code"));
        Assert.Equal("新生儿·出生日期：不能晚于今天。", errors.Single(e => e.Pointer == "#/form/child/birthDate").DetailZh);
        Assert.Equal("Child › Date of birth: cannot be later than today.", errors.Single(e => e.Pointer == "#/form/child/birthDate").Detail);
        await AssertNothingStoredAsync("zhangwei");
    }

    [Fact]
    public async Task An_unknown_journey_is_reported_at_the_journey()
    {
        var response = await _journeys.PostAsync("zhangwei", "/api/v1/cases", new { journey = "marriage-registration", form = Newborn() }, Guid.NewGuid().ToString());

        var (problem, errors) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("#/journey", "unknown_journey")], errors.Select(e => (e.Pointer, e.Code)));
        Assert.Contains("marriage-registration", errors[0].Detail);
        AssertBilingual(problem, errors);
        await AssertNothingStoredAsync("zhangwei");
    }

    [Theory]
    [InlineData("form", "\"张子涵\"")]
    [InlineData("materials", "{ \"code\": \"maternity-receipts\" }")]
    [InlineData("onBehalfOf", "[\"371702199205152240\"]")]
    public async Task A_body_member_of_the_wrong_JSON_type_is_reported_at_its_pointer(string member, string json)
    {
        var body = new JsonObject { ["journey"] = "newborn", ["form"] = Newborn() };
        body[member] = JsonNode.Parse(json);

        var response = await _journeys.PostAsync("zhangwei", "/api/v1/cases", body, Guid.NewGuid().ToString());

        var (problem, errors) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("malformed_json", Text(problem, "code"));
        Assert.Equal([($"#/{member}", "invalid_json_value")], errors.Select(e => (e.Pointer, e.Code)));
        Assert.True(HasChinese(errors[0].DetailZh));
        await AssertNothingStoredAsync("zhangwei");
    }

    /// <summary>A valid submission of the journey: who files it, the form, and what else the body needs.</summary>
    private static (string User, JsonObject Form, object? Authorisation) Valid(string journey) => journey switch
    {
        "newborn" => ("zhangwei", Newborn(), null),
        "retirement" => ("zhaomin", Retirement(), EmployerAuthorisation),
        "business-startup" => ("zhaomin", BusinessStartup(), null),
        "property-transfer" => ("liuyang", PropertyTransfer(), null),
        _ => throw new ArgumentOutOfRangeException(nameof(journey), journey, null),
    };

    private static object Body(string journey, JsonObject form, object? authorisation) =>
        authorisation is null ? new { journey, form } : new { journey, form, authorisation };

    /// <summary>Sets (or, for a null value, removes) the field at a JSON pointer of the form.</summary>
    private static void Set(JsonObject form, string pointer, string? json)
    {
        var names = pointer.TrimStart('/').Split('/');
        var parent = names[..^1].Aggregate(form, (node, name) => node[name]!.AsObject());
        if (json is null)
        {
            Assert.True(parent.Remove(names[^1]), $"the valid form has {pointer}");
        }
        else
        {
            parent[names[^1]] = JsonNode.Parse(json);
        }
    }

    /// <summary>The problem is a validation failure titled in both languages; every error says what is wrong in both.</summary>
    private static void AssertBilingual(JsonElement problem, List<Error> errors)
    {
        Assert.Equal("validation_failed", Text(problem, "code"));
        Assert.True(HasChinese(Text(problem, "titleZh")));
        Assert.False(HasChinese(Text(problem, "title")));
        Assert.All(errors, e =>
        {
            Assert.True(HasChinese(e.DetailZh), $"{e.Pointer}: {e.DetailZh}");
            Assert.False(string.IsNullOrWhiteSpace(e.Detail));
            Assert.False(HasChinese(e.Detail), $"{e.Pointer}: {e.Detail}");
        });
    }

    /// <summary>No case exists (in the caller's list or at all) and no licence was pulled.</summary>
    private async Task AssertNothingStoredAsync(string user)
    {
        Assert.Equal(0, (await MyCasesAsync(_journeys, user)).Total);
        await using var scope = Platform.CreateScope();
        Assert.Equal(0, await Platform.Db(scope).Cases.CountAsync());
        foreach (var holder in new[] { ZhangWei, LiNa, ZhaoMin, WangQiang, LiuYang, EmployerCreditCode })
        {
            Assert.Empty(await Library.ListPullsAsync(holder));
        }
    }
}
