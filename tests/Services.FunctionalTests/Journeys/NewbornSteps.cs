using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static OneThing.FunctionalTests.Integrations.SandboxPeople;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// The newborn journey's demo family (张伟 applies, 李娜 consents) and the steps most journey tests begin with:
/// the sample form of tests/Services.UnitTests/Journeys/Cases/newborn.json, the mother's consent, a submitted
/// and accepted case.
/// </summary>
internal static class NewbornSteps
{
    public const string Father = "zhangwei";
    public const string Mother = "lina";
    public const string FatherPhone = "13800000001";
    public const string AccountNumber = "6217001234567890123";

    /// <summary>The demo household register of 张伟 (户主) that the child joins.</summary>
    public const string DemoHouseholdRegister = "1.2.156.3005.2.11100000000013338W002.11371702004300112P.201910080007.001.5";

    /// <summary>The department clerks and heads of the demo accounts (<c>clerk.{code}</c>, <c>head.{code}</c>).</summary>
    public static string Clerk(string department) => $"clerk.{department}";

    public static string Head(string department) => $"head.{department}";

    public static JsonObject Form(string childName = "张子涵") => new()
    {
        ["child"] = new JsonObject { ["name"] = childName, ["sex"] = "男", ["birthDate"] = "2025-12-20", ["birthPlace"] = "371702", ["hospital"] = "菏泽市立医院" },
        ["father"] = new JsonObject { ["name"] = "张伟", ["idNumber"] = ZhangWei, ["phone"] = FatherPhone },
        ["mother"] = new JsonObject { ["name"] = "李娜", ["idNumber"] = LiNa, ["phone"] = "13800000002" },
        ["household"] = new JsonObject { ["parent"] = "father", ["idNumber"] = ZhangWei },
        ["bankAccount"] = new JsonObject { ["bankName"] = "中国建设银行菏泽分行", ["accountNumber"] = AccountNumber },
        ["address"] = "山东省菏泽市牡丹区中华路100号",
    };

    public static JsonObject Submission(JsonObject? form = null) => new() { ["journey"] = "newborn", ["form"] = form ?? Form() };

    /// <summary>李娜, from her own account, lets 张伟 use her ID card in the newborn journey.</summary>
    public static async Task<JsonElement> ConsentAsync(JourneyClient journeys)
    {
        var response = await journeys.PostAsync(Mother, "/api/v1/me/consents", new { granteeIdNumber = ZhangWei, journey = "newborn", licenceTypes = new[] { "id-card" } });
        await JourneyClient.ExpectAsync(response, HttpStatusCode.Created, "lina consents");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Consent, submission by the father, acceptance by the instant rule; returns the case number.</summary>
    public static async Task<string> AcceptedCaseAsync(JourneyClient journeys, string childName = "张子涵", bool consent = true)
    {
        if (consent)
        {
            await ConsentAsync(journeys);
        }

        var number = (await journeys.SubmitAsync(Father, Submission(Form(childName)))).GetProperty("number").GetString()!;
        await journeys.WaitForMatterAsync(Father, number, "acceptance", "Approved");
        return number;
    }

    /// <summary>The whole problem body of a refused request (the field errors with their details).</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await JourneyClient.ExpectAsync(response, status, "request");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The field error at <paramref name="pointer"/> of a problem, or a failure listing the errors there are.</summary>
    public static JsonElement FieldError(JsonElement problem, string pointer) =>
        problem.GetProperty("errors").EnumerateArray().FirstOrDefault(e => e.GetProperty("pointer").GetString() == pointer) is { ValueKind: JsonValueKind.Object } error
            ? error
            : throw new Xunit.Sdk.XunitException($"No field error at {pointer}: {problem}");

    public static IEnumerable<string> Kinds(JsonElement @case, string? matter = null) => @case.GetProperty("timeline").EnumerateArray()
        .Where(e => matter is null || e.GetProperty("matter").GetString() == matter)
        .Select(e => e.GetProperty("kind").GetString()!);

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
