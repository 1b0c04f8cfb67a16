using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using static OneThing.FunctionalTests.Journeys.NewbornSteps;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// The ownership half of the matrix on real data: another applicant, the parent who only consented, a window clerk
/// who did not file it, and another department's clerk and head reach nothing of a case — not its view, result,
/// correction, document, evaluation or the consent behind it — and guessed case numbers and ids answer 404 like
/// someone else's. Nothing they tried changed the case.
/// </summary>
public sealed class OwnershipTests(PlatformFixture platform) : PlatformTest(platform), IDisposable
{
    private readonly JourneyClient _journeys = new(platform);

    private const string Stranger = "wangqiang";
    private const string OtherClerk = "clerk.real-estate";
    private const string OtherHead = "head.real-estate";

    [Fact]
    public async Task Nobody_but_the_owner_and_the_departments_working_it_reaches_a_case_or_anything_of_it()
    {
        var consent = await ConsentAsync(_journeys);
        var consentId = consent.GetProperty("id").GetGuid();
        var number = await AcceptedCaseAsync(_journeys, consent: false);
        await _journeys.ApproveAsync(Clerk("health"), number, "birth-certificate");
        var insurance = Clerk("medical-insurance");
        var task = await _journeys.TaskAsync(insurance, number, "maternity-allowance");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(insurance, $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.OK, "claim");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(insurance, $"/api/v1/clerk/tasks/{task}/corrections",
            new { items = new[] { new { item = "/bankAccount/accountNumber", reason = "账号有误" } } }), HttpStatusCode.NoContent, "request a correction");

        var @case = await _journeys.CaseAsync(Father, number);
        var licenceId = JourneyClient.Matter(@case, "birth-certificate").GetProperty("licenceId").GetString()!;
        var correctionId = @case.GetProperty("corrections")[0].GetProperty("id").GetGuid();
        var documents = await _journeys.GetJsonAsync(Father, $"/api/v1/cases/{number}/documents");
        var documentId = documents.EnumerateArray().First().GetProperty("id").GetGuid();

        // What the owner reaches …
        var owned = CaseRequests(number, licenceId, correctionId, documentId, Guid.NewGuid()).ToList();
        foreach (var (method, path, _) in owned.Where(r => r.Method == HttpMethod.Get))
        {
            await ExpectAsync(Father, method, path, null, HttpStatusCode.OK);
        }

        // … the health department working it may read, another department may not.
        await ExpectAsync(Clerk("health"), HttpMethod.Get, $"/api/v1/cases/{number}", null, HttpStatusCode.OK);
        await ExpectAsync(Head("health"), HttpMethod.Get, $"/api/v1/cases/{number}/documents/{documentId}", null, HttpStatusCode.OK);

        // Everyone else: as if the case did not exist (or, for a role the endpoint never admits, 403).
        foreach (var user in new[] { Stranger, Mother, "window.clerk", OtherClerk, OtherHead })
        {
            foreach (var (method, path, body) in owned)
            {
                await ExpectDeniedAsync(user, method, path, body);
            }
        }

        // Guessed numbers and ids: the owner gets 404 too, so a 404 tells nobody whether a case exists.
        var guessed = AuthorizationMatrixTests.GuessedCaseNumber;
        foreach (var (method, path, body) in CaseRequests(guessed, licenceId, correctionId, documentId, Guid.NewGuid())
                     .Concat(CaseRequests(number, "1.2.156.3005.2.11100000000013338W001.00000000000000000X.200001010001.001.X", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())
                         .Where(r => r.Path.Contains("/results/", StringComparison.Ordinal) || r.Path.Contains("/documents/", StringComparison.Ordinal)
                             || r.Path.Contains("/corrections/", StringComparison.Ordinal) || r.Path.Contains("/follow-up", StringComparison.Ordinal))))
        {
            await ExpectAsync(Father, method, path, body, HttpStatusCode.NotFound);
        }

        // The consent behind the case: only 李娜, who gave it, withdraws it — not the father it was given to, not a stranger.
        await ExpectAsync(Father, HttpMethod.Delete, $"/api/v1/me/consents/{consentId}", null, HttpStatusCode.NotFound);
        await ExpectAsync(Stranger, HttpMethod.Delete, $"/api/v1/me/consents/{consentId}", null, HttpStatusCode.NotFound);
        await ExpectAsync(Mother, HttpMethod.Delete, $"/api/v1/me/consents/{Guid.NewGuid()}", null, HttpStatusCode.NotFound);
        var given = (await _journeys.GetJsonAsync(Mother, "/api/v1/me/consents")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == consentId);
        Assert.Equal(JsonValueKind.Null, given.GetProperty("revokedAt").ValueKind);
        Assert.Empty((await _journeys.GetJsonAsync(Stranger, "/api/v1/me/consents")).EnumerateArray());

        // Another department's clerk and head act on none of the medical insurance department's tasks.
        var theirTask = task;
        foreach (var action in new[] { "claim", "release", "approve", "reject", "corrections", "suspend", "complete" })
        {
            await ExpectAsync(OtherClerk, HttpMethod.Post, $"/api/v1/clerk/tasks/{theirTask}/{action}", Body(action), HttpStatusCode.NotFound);
            await ExpectAsync(OtherHead, HttpMethod.Post, $"/api/v1/clerk/tasks/{theirTask}/{action}", Body(action), HttpStatusCode.NotFound);
        }

        await ExpectAsync(OtherClerk, HttpMethod.Get, $"/api/v1/clerk/tasks/{theirTask}", null, HttpStatusCode.NotFound);
        await ExpectAsync(OtherHead, HttpMethod.Post, $"/api/v1/clerk/tasks/{theirTask}/reassign", new { userName = OtherClerk }, HttpStatusCode.NotFound);
        await ExpectAsync(OtherClerk, HttpMethod.Post, $"/api/v1/clerk/suspended/{number}/birth-certificate/resume", null, HttpStatusCode.NotFound);
        await ExpectAsync(Clerk("health"), HttpMethod.Post, $"/api/v1/clerk/tasks/{task}/claim", null, HttpStatusCode.NotFound);
        Assert.Equal(0, (await _journeys.GetJsonAsync(OtherClerk, $"/api/v1/clerk/tasks?caseNumber={number}")).GetProperty("total").GetInt32());

        // Nothing any of them tried changed the case: still waiting for the father's correction, unrated.
        var after = await _journeys.CaseAsync(Father, number);
        Assert.Equal("CorrectionRequired", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("corrections")[0].GetProperty("submittedAt").ValueKind);
        Assert.Empty((await _journeys.GetJsonAsync(Father, $"/api/v1/cases/{number}/evaluations")).EnumerateArray());
        Assert.DoesNotContain(Kinds(after), k => k is "Withdrawn" or "Evaluated");
    }

    [Fact]
    public async Task A_case_filed_at_the_window_is_the_filing_clerks_and_the_applicants_and_nobody_elses()
    {
        // 王强 sells to 刘洋 and consents to his licences' use; the window clerk files for 刘洋 with a power of attorney.
        await JourneyForms.ConsentAsync(_journeys, Stranger, JourneyForms.LiuYang, "property-transfer", "id-card", "property-certificate");
        var submitted = await _journeys.SubmitAsync("window.clerk", new
        {
            journey = "property-transfer", form = JourneyForms.PropertyTransfer(),
            onBehalfOf = new { idNumber = JourneyForms.LiuYang, name = "刘洋" },
            authorisation = new { kind = "power-of-attorney", reference = "（2026）菏代字第0099号" },
        });
        var number = submitted.GetProperty("number").GetString()!;

        await ExpectAsync("window.clerk", HttpMethod.Get, $"/api/v1/cases/{number}", null, HttpStatusCode.OK);
        await ExpectAsync("liuyang", HttpMethod.Get, $"/api/v1/cases/{number}", null, HttpStatusCode.OK);
        foreach (var user in new[] { Stranger, Father, Clerk("health"), Head("health") })
        {
            foreach (var (method, path, body) in CaseRequests(number, "none", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()))
            {
                await ExpectDeniedAsync(user, method, path, body);
            }
        }

        Assert.Equal(0, (await _journeys.GetJsonAsync(Stranger, "/api/v1/cases")).GetProperty("total").GetInt32());
        Assert.NotEqual("Withdrawn", (await _journeys.CaseAsync("liuyang", number)).GetProperty("status").GetString());
    }

    /// <summary>Every case endpoint, with the given case's real ids.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> CaseRequests(string number, string licenceId, Guid correctionId, Guid documentId, Guid evaluationId)
    {
        var c = $"/api/v1/cases/{number}";
        yield return (HttpMethod.Get, c, null);
        yield return (HttpMethod.Get, $"{c}/results/{licenceId}", null);
        yield return (HttpMethod.Get, $"{c}/documents", null);
        yield return (HttpMethod.Get, $"{c}/documents/{documentId}", null);
        yield return (HttpMethod.Get, $"{c}/evaluations", null);
        yield return (HttpMethod.Post, $"{c}/corrections/{correctionId}", new { fields = new Dictionary<string, object> { ["/bankAccount/accountNumber"] = "6217001234567890999" } });
        yield return (HttpMethod.Post, $"{c}/withdrawal", new { reason = "不想办了" });
        yield return (HttpMethod.Post, $"{c}/evaluations", new { overall = "VerySatisfied" });
        yield return (HttpMethod.Post, $"{c}/evaluations/{evaluationId}/follow-up", new { overall = "VerySatisfied" });
    }

    private static object? Body(string action) => action switch
    {
        "reject" => new { reason = "不符合条件" },
        "corrections" => new { items = new[] { new { item = "/child/name", reason = "有误" } } },
        "suspend" => new { kind = "hearing", reason = "听证" },
        "complete" => new { outcome = "approve" },
        _ => null,
    };

    private async Task ExpectAsync(string user, HttpMethod method, string path, object? body, HttpStatusCode status)
    {
        using var response = await SendAsync(user, method, path, body);
        Assert.True(response.StatusCode == status, $"{method} {path} as {user}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task ExpectDeniedAsync(string user, HttpMethod method, string path, object? body)
    {
        using var response = await SendAsync(user, method, path, body);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
            $"{method} {path} as {user}: expected 404 (or 403 for a role the endpoint never admits), got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SendAsync(string user, HttpMethod method, string path, object? body)
    {
        var client = await _journeys.AsAsync(user);
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = JsonContent.Create(body ?? new { });
        }

        return await client.SendAsync(request);
    }

    public void Dispose() => _journeys.Dispose();
}
