using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// Drives journeys through the public HTTP API the way the portal and the clerks' desk do: signed-in
/// clients per demo account, submissions with idempotency keys, queue look-ups, claims and decisions.
/// </summary>
public sealed class JourneyClient(PlatformFixture platform) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>A client signed in as a demo account (one per account, reused).</summary>
    public async Task<HttpClient> AsAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = await platform.Factory.CreateApiClient().AuthorizeAsync(userName);
            _clients[userName] = client;
        }

        return client;
    }

    public async Task<HttpResponseMessage> PostAsync(string userName, string path, object? body, string? idempotencyKey = null)
    {
        var client = await AsAsync(userName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string userName, string path)
    {
        var response = await (await AsAsync(userName)).GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} as {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Submits a case and expects it created; returns the case view.</summary>
    public async Task<JsonElement> SubmitAsync(string userName, object body, string? key = null)
    {
        var response = await PostAsync(userName, "/api/v1/cases", body, key ?? Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submission as {userName}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> CaseAsync(string userName, string number) => GetJsonAsync(userName, $"/api/v1/cases/{number}");

    public static JsonElement Matter(JsonElement @case, string code) =>
        @case.GetProperty("matters").EnumerateArray().Single(m => m.GetProperty("code").GetString() == code);

    public static string MatterStatus(JsonElement @case, string code) => Matter(@case, code).GetProperty("status").GetString()!;

    /// <summary>Waits until the case's matter has <paramref name="status"/> (department systems answer over the bus).</summary>
    public async Task<JsonElement> WaitForMatterAsync(string userName, string number, string matter, string status, TimeSpan? timeout = null)
    {
        JsonElement @case = default;
        await Eventually.HoldsAsync(async () =>
        {
            @case = await CaseAsync(userName, number);
            return MatterStatus(@case, matter) == status;
        }, $"matter {matter} of {number} is {status} (it is {(@case.ValueKind == JsonValueKind.Undefined ? "?" : MatterStatus(@case, matter))})", timeout ?? TimeSpan.FromSeconds(30));
        return @case;
    }

    public async Task<JsonElement> WaitForCaseAsync(string userName, string number, string status, TimeSpan? timeout = null)
    {
        JsonElement @case = default;
        await Eventually.HoldsAsync(async () =>
        {
            @case = await CaseAsync(userName, number);
            return @case.GetProperty("status").GetString() == status;
        }, $"case {number} is {status}", timeout ?? TimeSpan.FromSeconds(30));
        return @case;
    }

    /// <summary>The open task of a case's matter in the clerk's queue (waits for it to appear).</summary>
    public async Task<Guid> TaskAsync(string clerk, string number, string matter)
    {
        Guid? id = null;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await GetJsonAsync(clerk, $"/api/v1/clerk/tasks?caseNumber={number}&matter={matter}");
            id = page.GetProperty("items").EnumerateArray().Select(t => (Guid?)t.GetProperty("id").GetGuid()).FirstOrDefault();
            return id is not null;
        }, $"{clerk} sees the task of {matter} in case {number}");
        return id!.Value;
    }

    /// <summary>Claims and approves a matter's task as <paramref name="clerk"/>.</summary>
    public async Task ApproveAsync(string clerk, string number, string matter, string comment = "材料齐全，予以办理")
    {
        var task = await TaskAsync(clerk, number, matter);
        await ExpectAsync(await PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.OK, $"{clerk} claims {matter}");
        await ExpectAsync(await PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/approve", new { comment }), HttpStatusCode.NoContent, $"{clerk} approves {matter}");
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            Assert.Fail($"{what}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The field errors of a problem response, as pointer → code.</summary>
    public static async Task<Dictionary<string, string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().GroupBy(e => e.GetProperty("pointer").GetString()!).ToDictionary(g => g.Key, g => g.First().GetProperty("code").GetString()!)
            : [];
    }

    public static JsonObject Json(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
