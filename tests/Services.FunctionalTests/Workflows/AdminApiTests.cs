using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Workflows;

/// <summary>The administrators' workflow API over HTTP, with real tokens, on PostgreSQL.</summary>
public sealed class AdminApiTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Definition_versions_go_from_draft_to_published_to_retired_and_running_instances_stay_on_theirs()
    {
        using var admin = await Platform.Factory.CreateApiClient().AuthorizeAsync("admin");
        var id = Flows.Unique("review");

        // A draft may be incomplete; publishing it is refused with pointers to what is wrong.
        var broken = Review(id, taskType: "Teleport");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/workflows", broken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/admin/workflows/{id}/versions/1", created.Headers.Location!.OriginalString);

        var validation = await (await admin.PostAsJsonAsync("/api/v1/admin/workflows/validate", broken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Equal("#/activities/1/type", validation.GetProperty("errors")[0].GetProperty("pointer").GetString());

        var refused = await admin.PostAsync($"/api/v1/admin/workflows/{id}/versions/1/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.Equal("unknown_activity_type", problem.GetProperty("errors")[0].GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/workflows/{id}/versions/1", Review(id))).StatusCode);
        Assert.Equal("Published", await StatusAsync(await admin.PostAsync($"/api/v1/admin/workflows/{id}/versions/1/publish", null)));

        var started = await (await admin.PostAsJsonAsync("/api/v1/admin/instances", new { definitionId = id, correlationId = "371702-TEST-1" })).Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = started.GetProperty("id").GetGuid();
        Assert.Equal(1, started.GetProperty("version").GetInt32());

        // Version 2 published: version 1 retires, the running instance stays on it.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/workflows", Review(id, title: "复核"))).StatusCode);
        Assert.Equal("Published", await StatusAsync(await admin.PostAsync($"/api/v1/admin/workflows/{id}/versions/2/publish", null)));
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/workflows");
        Assert.Equal("Retired", versions.EnumerateArray().Single(v => v.GetProperty("definitionId").GetString() == id && v.GetProperty("version").GetInt32() == 1).GetProperty("status").GetString());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{instanceId}");
        Assert.Equal(1, detail.GetProperty("instance").GetProperty("version").GetInt32());
        Assert.Equal("审核", detail.GetProperty("tasks")[0].GetProperty("title").GetString());

        // Drafts are editable; published versions are not.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/admin/workflows/{id}/versions/2", Review(id))).StatusCode);

        // Revert: version 1's content as a new draft (version 3). Export and import round-trip it.
        var reverted = await (await admin.PostAsync($"/api/v1/admin/workflows/{id}/versions/1/revert", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, reverted.GetProperty("version").GetInt32());
        Assert.Equal("Draft", reverted.GetProperty("status").GetString());
        var exported = await admin.GetAsync($"/api/v1/admin/workflows/{id}/versions/3/export");
        Assert.Equal("application/json", exported.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!;
        var imported = await admin.PostAsJsonAsync("/api/v1/admin/workflows/import?publish=true", json);
        var importedVersion = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, importedVersion.GetProperty("version").GetInt32());
        Assert.Equal("Published", importedVersion.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Designer_gets_activity_descriptors_and_only_admins_reach_the_admin_API()
    {
        using var admin = await Platform.Factory.CreateApiClient().AuthorizeAsync("admin");
        var activities = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/activities");
        var task = activities.EnumerateArray().Single(a => a.GetProperty("type").GetString() == "HumanTask");
        Assert.True(task.GetProperty("waits").GetBoolean());
        Assert.Equal("outcomes", task.GetProperty("outcomesFromInput").GetString());
        Assert.Contains(task.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "due" && i.GetProperty("kind").GetString() == "Instant");

        using var clerk = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.police");
        var forbidden = await clerk.GetAsync("/api/v1/admin/activities");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("forbidden", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Instances_are_listed_decided_in_the_clerk_queue_cancelled_with_compensation_and_migrated_with_a_dry_run()
    {
        using var admin = await Platform.Factory.CreateApiClient().AuthorizeAsync("admin");
        var id = Flows.Unique("migrate");
        await Platform.PublishAsync(OneThing.Workflows.Definitions.WorkflowJson.Parse(Review(id).ToJsonString()));

        var first = await StartAsync(admin, id);
        var second = await StartAsync(admin, id);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances?definitionId={id}&status=running");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/instances?status=sleeping")).StatusCode);

        // The police clerk sees the tasks; a tax clerk does not, not even by id.
        using var police = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.police");
        using var tax = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.tax");
        var queue = await police.GetFromJsonAsync<JsonElement>("/api/v1/clerk/tasks");
        var firstTask = queue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())
            .Single(t => TaskOf(admin, first).Result == t);
        Assert.Equal(HttpStatusCode.NotFound, (await tax.GetAsync($"/api/v1/clerk/tasks/{firstTask}")).StatusCode);
        using var policeHead = await Platform.Factory.CreateApiClient().AuthorizeAsync("head.police");
        Assert.Equal(HttpStatusCode.OK, (await policeHead.GetAsync($"/api/v1/clerk/tasks/{firstTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tax.PostAsJsonAsync($"/api/v1/clerk/tasks/{firstTask}/complete", new { outcome = "Approve" })).StatusCode);
        var wrongOutcome = await police.PostAsJsonAsync($"/api/v1/clerk/tasks/{firstTask}/complete", new { outcome = "Maybe" });
        Assert.Equal("outcome_not_allowed", (await wrongOutcome.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/clerk/tasks/{firstTask}/complete", new { outcome = "Approve", data = new { note = "材料齐全" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await police.PostAsJsonAsync($"/api/v1/clerk/tasks/{firstTask}/complete", new { outcome = "Reject" })).StatusCode);
        var firstDetail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{first}");
        Assert.Equal("Completed", firstDetail.GetProperty("instance").GetProperty("status").GetString());
        Assert.Contains(firstDetail.GetProperty("journal").EnumerateArray(), j => j.GetProperty("event").GetString() == "Completed" && j.GetProperty("actor").GetString() != "test");

        // Version 2 renames the review; the second instance waits in it.
        var v2 = Review(id, taskId: "police-review", title: "复核");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/workflows", v2)).StatusCode);
        await admin.PostAsync($"/api/v1/admin/workflows/{id}/versions/2/publish", null);

        var unmapped = await MigrateAsync(admin, id, new Dictionary<string, string>(), dryRun: true);
        Assert.False(unmapped[0].GetProperty("migratable").GetBoolean());
        Assert.Contains("map it", unmapped[0].GetProperty("problems")[0].GetString());

        var mapping = new Dictionary<string, string> { ["review"] = "police-review" };
        var dryRun = await MigrateAsync(admin, id, mapping, dryRun: true);
        Assert.True(dryRun[0].GetProperty("migratable").GetBoolean());
        Assert.Equal("review→police-review", dryRun[0].GetProperty("moves")[0].GetString());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{second}")).GetProperty("instance").GetProperty("version").GetInt32());

        var migrated = await MigrateAsync(admin, id, mapping, dryRun: false);
        Assert.Equal(second, migrated.Single().GetProperty("instanceId").GetGuid());
        var secondDetail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{second}");
        Assert.Equal(2, secondDetail.GetProperty("instance").GetProperty("version").GetInt32());
        Assert.Equal("police-review", secondDetail.GetProperty("tasks")[0].GetProperty("activityId").GetString());

        // Cancelling ends the waiting task; a second cancel is a conflict.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/instances/{second}/cancel", new { reason = "申请人撤回" })).StatusCode);
        var cancelled = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{second}");
        Assert.Equal("Cancelled", cancelled.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal("Cancelled", cancelled.GetProperty("tasks")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/admin/instances/{second}/cancel", new { reason = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/admin/instances/{Guid.NewGuid()}")).StatusCode);

        // Starting a definition nobody published is a 404 problem, not a 500; a request without one is a field error.
        var unknown = await admin.PostAsJsonAsync("/api/v1/admin/instances", new { definitionId = "no-such-journey" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var missing = await admin.PostAsJsonAsync("/api/v1/admin/instances", new { input = new { } });
        Assert.Equal("#/definitionId", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Incident_is_listed_with_its_instance_and_retried_through_the_API()
    {
        using var admin = await Platform.Factory.CreateApiClient().AuthorizeAsync("admin");
        var id = Flows.Unique("incident");
        var definition = new JsonObject
        {
            ["id"] = id,
            ["name"] = "Incident",
            ["variables"] = new JsonArray(new JsonObject { ["name"] = "ready", ["default"] = false }),
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject { ["id"] = "seal", ["type"] = "Fail", ["inputs"] = new JsonObject { ["message"] = "seal service down" } },
                new JsonObject { ["id"] = "end", ["type"] = "End" }),
            ["connections"] = new JsonArray(
                new JsonObject { ["source"] = "start", ["target"] = "seal" },
                new JsonObject { ["source"] = "seal", ["target"] = "end" }),
        };
        await Platform.PublishAsync(OneThing.Workflows.Definitions.WorkflowJson.Parse(definition.ToJsonString()));
        var instance = await StartAsync(admin, id);

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{instance}");
        Assert.Equal("Faulted", detail.GetProperty("instance").GetProperty("status").GetString());
        var incident = detail.GetProperty("incidents")[0];
        Assert.Equal("seal service down", incident.GetProperty("message").GetString());

        // Retrying runs the same activity again (it still fails: a new incident, the old one resolved).
        var retried = await admin.PostAsync($"/api/v1/admin/instances/{instance}/incidents/{incident.GetProperty("id").GetGuid()}/retry", null);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{instance}");
        var incidents = after.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Equal(2, incidents.Count);
        Assert.Equal(JsonValueKind.String, incidents[0].GetProperty("resolvedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(incidents[0].GetProperty("resolvedBy").GetString()));
        Assert.Equal(JsonValueKind.Null, incidents[1].GetProperty("resolvedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/admin/instances/{instance}/incidents/{incident.GetProperty("id").GetGuid()}/retry", null)).StatusCode);
    }

    private static JsonObject Review(string id, string taskType = "HumanTask", string taskId = "review", string title = "审核") => new()
    {
        ["id"] = id,
        ["name"] = "Review",
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = "Start" },
            new JsonObject
            {
                ["id"] = taskId,
                ["type"] = taskType,
                ["inputs"] = new JsonObject { ["title"] = title, ["role"] = "clerk", ["group"] = "police", ["outcomes"] = new JsonArray("Approve", "Reject") },
            },
            new JsonObject { ["id"] = "end", ["type"] = "End" }),
        ["connections"] = new JsonArray(
            new JsonObject { ["source"] = "start", ["target"] = taskId },
            new JsonObject { ["source"] = taskId, ["outcome"] = "Approve", ["target"] = "end" },
            new JsonObject { ["source"] = taskId, ["outcome"] = "Reject", ["target"] = "end" }),
    };

    private static async Task<Guid> StartAsync(HttpClient admin, string definitionId)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/instances", new { definitionId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> TaskOf(HttpClient admin, Guid instance) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/instances/{instance}")).GetProperty("tasks")[0].GetProperty("id").GetGuid();

    private static async Task<List<JsonElement>> MigrateAsync(HttpClient admin, string id, Dictionary<string, string> mapping, bool dryRun)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/instances/migrate", new { definitionId = id, fromVersion = 1, toVersion = 2, mapping, dryRun });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
    }
}
