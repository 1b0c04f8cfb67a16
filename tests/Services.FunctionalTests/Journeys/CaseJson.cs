using System.Net;
using System.Text.Json;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>Reads case views, queues and problem responses as the portal and the clerks' desk receive them.</summary>
internal static class CaseJson
{
    /// <summary>One field error of a problem response.</summary>
    public sealed record Error(string Pointer, string Code, string Detail, string DetailZh);

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Status(JsonElement @case) => Text(@case, "status")!;

    public static string Number(JsonElement @case) => Text(@case, "number")!;

    /// <summary>Timeline entries of a kind (and matter), oldest first.</summary>
    public static List<JsonElement> Events(JsonElement @case, string kind, string? matter = null) =>
        [.. @case.GetProperty("timeline").EnumerateArray()
            .Where(e => Text(e, "kind") == kind && (matter is null || Text(e, "matter") == matter))];

    /// <summary>Where the first entry of a kind (and matter) sits in the timeline; fails when there is none.</summary>
    public static int Position(JsonElement @case, string kind, string? matter = null)
    {
        var timeline = @case.GetProperty("timeline").EnumerateArray().ToList();
        var index = timeline.FindIndex(e => Text(e, "kind") == kind && (matter is null || Text(e, "matter") == matter));
        Assert.True(index >= 0, $"the timeline has a {kind} entry{(matter is null ? "" : $" for {matter}")}");
        return index;
    }

    public static DateTimeOffset Instant(JsonElement element, string property) => element.GetProperty(property).GetDateTimeOffset();

    /// <summary>The open tasks of a case in a clerk's queue.</summary>
    public static async Task<List<JsonElement>> OpenTasksAsync(JourneyClient journeys, string clerk, string number)
    {
        var page = await journeys.GetJsonAsync(clerk, $"/api/v1/clerk/tasks?caseNumber={number}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Expects a problem response with <paramref name="status"/>; returns it with every field error it lists.</summary>
    public static async Task<(JsonElement Problem, List<Error> Errors)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var errors = problem.TryGetProperty("errors", out var list)
            ? list.EnumerateArray().Select(e => new Error(Text(e, "pointer")!, Text(e, "code")!, Text(e, "detail")!, Text(e, "detailZh")!)).ToList()
            : [];
        return (problem, errors);
    }

    /// <summary>The caller's own cases (as owner or submitter).</summary>
    public static async Task<(int Total, List<string> Numbers)> MyCasesAsync(JourneyClient journeys, string userName)
    {
        var page = await journeys.GetJsonAsync(userName, "/api/v1/cases");
        return (page.GetProperty("total").GetInt32(), [.. page.GetProperty("items").EnumerateArray().Select(Number)]);
    }

    /// <summary>Whether a text has Chinese characters (bilingual messages carry both languages).</summary>
    public static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>A GET whose status the test checks itself (404s, 409s).</summary>
    public static async Task<HttpResponseMessage> GetAsync(JourneyClient journeys, string userName, string path) =>
        await (await journeys.AsAsync(userName)).GetAsync(path);
}
