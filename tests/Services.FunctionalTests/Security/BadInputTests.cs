using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using static OneThing.FunctionalTests.Journeys.NewbornSteps;
using static OneThing.FunctionalTests.Security.MalformedRequests;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// Thousands of generated malformed requests against every write endpoint of the OpenAPI document, each sent as a
/// role the matrix allows and with real route values (an open case, a claimed task, a consent, a document, a
/// definition), so the request gets past authorization and lookup to validation. Every answer is a 4xx RFC 9457
/// problem — never a 500, never a 2xx — and afterwards every table holds exactly what it held before.
/// </summary>
/// <remarks>
/// Endpoints without a body (claim, publish, cancel, …) act on their route alone: they get the invalid route values,
/// with and without a body. <c>POST /api/v1/admin/workflows/validate</c> is a dry run whose answer to a well-formed
/// but wrong definition is 200 <c>{"valid": false}</c>; that is accepted for it alone.
/// </remarks>
public sealed class BadInputTests(PlatformFixture platform) : PlatformTest(platform), IDisposable
{
    private readonly JourneyClient _journeys = new(platform);
    private const string Anonymous = AuthorizationMatrix.Anonymous;
    private const string Validate = "/api/v1/admin/workflows/validate";
    private HttpClient? _anonymous;

    /// <summary>Tables consumers write when they take a message already published (the in-app inbox, the SMS sandbox).</summary>
    private static readonly HashSet<string> CatchingUp = new(StringComparer.Ordinal) { "InboxMessages", "NotificationDeliveries", "SandboxSmsMessages" };

    /// <summary>The audit trail: it grows with the consumers catching up (checked event by event) and is chained in the background.</summary>
    private static readonly HashSet<string> AuditTables = new(StringComparer.Ordinal) { "AuditEvents", "AuditChainHeads" };

    /// <summary>The only audit events the catching-up consumers may add.</summary>
    private static readonly HashSet<string> CatchingUpAudit = new(StringComparer.Ordinal)
    {
        "entity.created NotificationDelivery", "entity.modified NotificationDelivery", "exchange.http ",
    };

    private static long Count(string snapshot) => long.Parse(snapshot.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Leaves where any plain text is a legitimate answer (SQL-looking text included: it is stored as text, never run).</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "reason", "reasonEn", "comment", "note", "name", "nameEn", "source", "hospital", "address", "bankName",
    };

    [Fact]
    public async Task Two_thousand_malformed_requests_to_every_write_endpoint_get_4xx_problems_and_store_nothing()
    {
        var world = await SetUpAsync();
        var probes = await ProbesAsync(world);
        Assert.True(probes.Count >= 2000, $"Only {probes.Count} probes generated.");
        var endpoints = probes.Select(p => p.Endpoint).Distinct().ToList();

        _anonymous = Platform.Factory.CreateApiClient();
        foreach (var user in probes.Select(p => p.Probe.User).Distinct().Where(u => u != Anonymous))
        {
            await _journeys.AsAsync(user); // sign in once, before the requests run in parallel
        }

        var before = await QuietSnapshotAsync();
        var lastAuditEvent = await ScalarAsync<long>("SELECT coalesce(max(\"Id\"), 0) FROM \"AuditEvents\"");
        var failures = new ConcurrentBag<string>();
        var started = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, cancellationToken) =>
        {
            if (await CheckAsync(item.Probe) is { } failure)
            {
                failures.Add(failure);
            }
        });
        var elapsed = DateTimeOffset.UtcNow - started;

        Assert.True(failures.IsEmpty, $"{failures.Count} of {probes.Count} malformed requests were not refused properly:\n{string.Join('\n', failures.Order().Take(60))}");
        var after = await QuietSnapshotAsync();
        // Nothing was published meanwhile (the outbox is compared like every table), so consumers may only still be
        // catching up with the set-up's own messages (retries wait up to 10 s): their bookkeeping may grow, nothing else.
        // The audit trail records what those consumers store (and chains it in the background): only that may be new there.
        var newAuditEvents = await ScalarAsync<string>(
            $"SELECT coalesce(string_agg(DISTINCT \"Action\" || ' ' || coalesce(\"EntityType\", ''), ', '), '') FROM \"AuditEvents\" WHERE \"Id\" > {lastAuditEvent}");
        Assert.All(newAuditEvents.Split(", ", StringSplitOptions.RemoveEmptyEntries), e => Assert.Contains(e, CatchingUpAudit));
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Where(t => !((CatchingUp.Contains(t) || AuditTables.Contains(t)) && Count(after[t]) >= Count(before[t]) && before["OutboxMessages"] == after["OutboxMessages"])).ToList();
        Assert.True(changed.Count == 0, $"Malformed requests changed {string.Join(", ", changed.Select(t => $"{t} ({before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)})"))}.");
        Assert.True(elapsed < TimeSpan.FromMinutes(1), $"{probes.Count} requests took {elapsed}.");

        var writeEndpoints = (await OpenApiAsync()).Where(e => e.Method != "GET").Select(e => e.Key).ToList();
        Assert.Empty(writeEndpoints.Except(endpoints));
    }

    /// <summary>The real things route values point at.</summary>
    private sealed record World(string CaseNumber, Guid CorrectionId, Guid ConsentId, Guid ClaimedTask, Guid DocumentId, string DefinitionId, int Version, Guid InstanceId);

    private async Task<World> SetUpAsync()
    {
        // 张伟's case, waiting for his correction, with a sealed birth certificate; a second case whose task the health clerk holds.
        var consent = await ConsentAsync(_journeys);
        var number = await AcceptedCaseAsync(_journeys, consent: false);
        await _journeys.ApproveAsync(Clerk("health"), number, "birth-certificate");
        var insurance = Clerk("medical-insurance");
        var task = await _journeys.TaskAsync(insurance, number, "maternity-allowance");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(insurance, $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.OK, "claim");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(insurance, $"/api/v1/clerk/tasks/{task}/corrections",
            new { items = new[] { new { item = "/bankAccount/accountNumber", reason = "账号有误" } } }), HttpStatusCode.NoContent, "request a correction");
        var @case = await _journeys.CaseAsync(Father, number);
        var correctionId = @case.GetProperty("corrections")[0].GetProperty("id").GetGuid();
        var documentId = (await _journeys.GetJsonAsync(Father, $"/api/v1/cases/{number}/documents")).EnumerateArray().First().GetProperty("id").GetGuid();

        var second = await AcceptedCaseAsync(_journeys, "张二", consent: false);
        var claimed = await _journeys.TaskAsync(Clerk("health"), second, "birth-certificate");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Clerk("health"), $"/api/v1/clerk/tasks/{claimed}/claim", null), HttpStatusCode.OK, "claim");

        var definition = (await _journeys.GetJsonAsync("admin", "/api/v1/admin/workflows")).EnumerateArray().First();
        var instance = (await _journeys.GetJsonAsync("admin", "/api/v1/admin/instances")).GetProperty("items").EnumerateArray().First();
        return new World(number, correctionId, consent.GetProperty("id").GetGuid(), claimed, documentId,
            definition.GetProperty("definitionId").GetString()!, definition.GetProperty("version").GetInt32(), instance.GetProperty("id").GetGuid());
    }

    /// <summary>Valid bodies of the endpoints that take one, and whether leaving everything out is valid too; each is only ever sent broken.</summary>
    private static (JsonObject? Body, bool EmptyIsValid, string[] Required) Valid(string endpoint) => endpoint switch
    {
        "POST /api/v1/cases" => (Submission(), false, ["journey", "form"]),
        "POST /api/v1/cases/{number}/withdrawal" => (Json(new { reason = "不想办了" }), true, []),
        "POST /api/v1/cases/{number}/corrections/{id}" => (Json(new { fields = new Dictionary<string, object> { ["/bankAccount/accountNumber"] = "6217001234567890999" }, note = "已更正" }), false, ["fields"]),
        "POST /api/v1/cases/{number}/evaluations" or "POST /api/v1/cases/{number}/evaluations/{id}/follow-up" =>
            (Json(new { levels = new Dictionary<string, string> { ["overall"] = "VerySatisfied" }, comment = "很好" }), false, ["levels"]),
        "POST /api/v1/me/consents" => (Json(new { granteeIdNumber = JourneyForms.WangQiang, journey = "newborn", licenceTypes = new[] { "id-card" }, validDays = 30 }), false, ["granteeIdNumber", "journey", "licenceTypes"]),
        "POST /api/v1/me/notifications/read" => (Json(new { ids = new[] { Guid.NewGuid() } }), false, ["ids"]),
        "POST /api/v1/clerk/tasks/{id}/approve" => (Json(new { comment = "同意" }), true, []),
        "POST /api/v1/clerk/tasks/{id}/reject" => (Json(new { reason = "不符合条件" }), false, ["reason"]),
        "POST /api/v1/clerk/tasks/{id}/corrections" => (Json(new { items = new[] { new { item = "/child/name", reason = "姓名有误", reasonEn = "The name is wrong." } } }), false, ["items"]),
        "POST /api/v1/clerk/tasks/{id}/suspend" => (Json(new { kind = "hearing", reason = "需要听证" }), false, ["kind", "reason"]),
        "POST /api/v1/clerk/tasks/{id}/reassign" => (Json(new { userName = Clerk("health") }), false, ["userName"]),
        "POST /api/v1/clerk/tasks/{id}/complete" => (Json(new { outcome = "approve", data = new { } }), false, ["outcome"]),
        "POST /api/v1/clerk/rectifications/{id}/call-back" or "POST /api/v1/clerk/rectifications/{id}/fix" => (Json(new { note = "已回访" }), false, []),
        "POST /api/v1/admin/documents/{id}/revocation" => (Json(new { reason = "信息有误" }), false, ["reason"]),
        "PUT /api/v1/admin/calendars/years/{year}" => (Json(new
        {
            holidays = new[] { new { from = "2027-01-01", to = "2027-01-03", name = "元旦", nameEn = "New Year's Day" } },
            makeUpWorkingDays = new[] { "2027-01-04" }, reason = "国务院办公厅关于2027年部分节假日安排的通知", source = "国办发明电〔2026〕1号",
        }), false, ["reason"]),
        "POST /api/v1/admin/instances/{id}/cancel" => (null, true, []),
        _ => (null, false, []),
    };

    private static JsonObject Json(object value) => JourneyClient.Json(value);

    private sealed record Item(string Endpoint, Probe Probe);

    private async Task<List<Item>> ProbesAsync(World world)
    {
        var rows = AuthorizationMatrix.Load().ToDictionary(r => r.Key);
        var items = new List<Item>();
        foreach (var endpoint in (await OpenApiAsync()).Where(e => e.Method != "GET"))
        {
            var row = rows[endpoint.Key];
            var user = UserFor(row);
            var (valid, emptyIsValid, required) = Valid(endpoint.Key);
            var realPath = Fill(endpoint.Route, world, _ => null);

            if (endpoint.HasBody)
            {
                foreach (var (what, body, type) in BrokenBodies(valid, emptyIsValid, required))
                {
                    items.Add(new Item(endpoint.Key, new Probe(what, endpoint.Method, realPath, user, body, type)));
                }

                if (valid is not null)
                {
                    foreach (var (what, body) in LeafMutations(valid, p => FreeText.Contains(p[(p.LastIndexOf('/') + 1)..]), required))
                    {
                        items.Add(new Item(endpoint.Key, new Probe(what, endpoint.Method, realPath, user, body, MalformedRequests.Json)));
                    }
                }

                foreach (var (property, sample) in endpoint.Properties)
                {
                    foreach (var (name, wrong) in WrongTypes(sample))
                    {
                        var body = valid is null ? new JsonObject() : (JsonObject)valid.DeepClone();
                        body[property] = wrong;
                        items.Add(new Item(endpoint.Key, new Probe($"{property} as {name}", endpoint.Method, realPath, user, Utf8(body.ToJsonString()), MalformedRequests.Json)));
                    }
                }
            }

            // Invalid route values, one parameter at a time, with and without a body.
            foreach (var parameter in Parameters(endpoint.Route))
            {
                foreach (var value in BadRouteValues)
                {
                    var path = Fill(endpoint.Route, world, p => p == parameter ? value : null);
                    items.Add(new Item(endpoint.Key, new Probe($"{{{parameter}}} = {Shorten(value)}", endpoint.Method, path, user, null, null)));
                    items.Add(new Item(endpoint.Key, new Probe($"{{{parameter}}} = {Shorten(value)} with a body", endpoint.Method, path, user, Utf8((valid ?? new JsonObject()).ToJsonString()), MalformedRequests.Json)));
                }
            }
        }

        return items;
    }

    /// <summary>The demo account that may call the endpoint and owns what its real route values point at.</summary>
    private static string UserFor(MatrixRow row) =>
        row.Route == "/api/v1/me/consents/{id}" ? Mother
        : row.Allows("applicant") ? Father
        : row.Allows("clerk") ? Clerk("health")
        : row.Allows("department-head") ? Head("health")
        : row.Allows("admin") ? "admin"
        : row.Allows(Anonymous) ? Anonymous
        : throw new InvalidOperationException($"{row}: no demo account for it.");

    private static string Fill(string route, World world, Func<string, string?> bad) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)\}", m =>
        {
            var name = m.Groups[1].Value;
            return bad(name) ?? name switch
            {
                "number" or "caseNumber" => world.CaseNumber,
                "matter" => "maternity-allowance",
                "definitionId" => world.DefinitionId,
                "version" => world.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "year" => "2027",
                "incidentId" => Guid.NewGuid().ToString(),
                "id" when route.Contains("/corrections/{id}", StringComparison.Ordinal) => world.CorrectionId.ToString(),
                "id" when route.StartsWith("/api/v1/me/consents", StringComparison.Ordinal) => world.ConsentId.ToString(),
                "id" when route.StartsWith("/api/v1/clerk/tasks", StringComparison.Ordinal) => world.ClaimedTask.ToString(),
                "id" when route.StartsWith("/api/v1/admin/documents", StringComparison.Ordinal) => world.DocumentId.ToString(),
                "id" when route.StartsWith("/api/v1/admin/instances/{id}", StringComparison.Ordinal) => world.InstanceId.ToString(),
                _ => Guid.NewGuid().ToString(),
            };
        });

    private static IEnumerable<string> Parameters(string route) =>
        System.Text.RegularExpressions.Regex.Matches(route, @"\{(\w+)\}").Select(m => m.Groups[1].Value);

    private async Task<string?> CheckAsync(Probe probe)
    {
        try
        {
            var client = probe.User == Anonymous ? _anonymous! : await _journeys.AsAsync(probe.User);
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
            if (probe.Body is not null)
            {
                request.Content = new ByteArrayContent(probe.Body);
                request.Content.Headers.ContentType = probe.ContentType is null ? null : MediaTypeHeaderValue.Parse(probe.ContentType);
            }

            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (probe.Path == Validate && status == 200 && JsonDocument.Parse(text).RootElement.GetProperty("valid").GetBoolean() == false)
            {
                return null;
            }

            if (status is < 400 or >= 500)
            {
                return $"{probe}: {status} {Shorten(text)}";
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"{probe}: {status} with {response.Content.Headers.ContentType?.MediaType ?? "no content type"} {Shorten(text)}";
            }

            var problem = JsonDocument.Parse(text).RootElement;
            return problem.TryGetProperty("status", out var s) && s.GetInt32() == status && problem.TryGetProperty("title", out var t) && !string.IsNullOrEmpty(t.GetString())
                ? null
                : $"{probe}: the problem lacks status/title: {Shorten(text)}";
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException)
        {
            return $"{probe}: {e.GetType().Name} {e.Message}";
        }
    }

    private sealed record Endpoint(string Method, string Route, bool HasBody, IReadOnlyList<(string Name, JsonNode? Sample)> Properties)
    {
        public string Key => $"{Method} {Route}";
    }

    /// <summary>The endpoints of /openapi/v1.json with their JSON body's top-level properties (a sample value of each property's type).</summary>
    private async Task<List<Endpoint>> OpenApiAsync()
    {
        using var client = Platform.Factory.CreateApiClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        var endpoints = new List<Endpoint>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var properties = new List<(string, JsonNode?)>();
                var hasBody = operation.Value.TryGetProperty("requestBody", out var body);
                if (hasBody && body.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema))
                {
                    schema = Resolve(schema, schemas);
                    if (schema.TryGetProperty("properties", out var props))
                    {
                        properties.AddRange(props.EnumerateObject().Select(p => (p.Name, Sample(Resolve(p.Value, schemas), schemas))).Where(p => p.Item2 is not null));
                    }
                }

                endpoints.Add(new Endpoint(operation.Name.ToUpperInvariant(), path.Name, hasBody, properties));
            }
        }

        return endpoints;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            ? schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static JsonNode? Sample(JsonElement schema, JsonElement schemas)
    {
        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(union, out var choices))
            {
                return choices.EnumerateArray().Select(c => Sample(Resolve(c, schemas), schemas)).FirstOrDefault(c => c is not null);
            }
        }

        if (!schema.TryGetProperty("type", out _))
        {
            return schema.TryGetProperty("properties", out _) || schema.ValueKind == JsonValueKind.Object && !schema.EnumerateObject().Any() ? new JsonObject() : null;
        }

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return types.FirstOrDefault(t => t != "null") switch
        {
            "string" => "x",
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            _ => null,
        };
    }

    /// <summary>Row count and content hash of every table, once two readings a moment apart agree (background work settled).</summary>
    private async Task<Dictionary<string, string>> QuietSnapshotAsync()
    {
        // Messages of the set-up (notifications, department answers) are still being consumed: wait until every
        // outbox message is dispatched and four readings over two seconds agree.
        var previous = await SnapshotAsync();
        var stable = 0;
        for (var attempt = 0; attempt < 120 && stable < 4; attempt++)
        {
            await Task.Delay(500);
            var current = await SnapshotAsync();
            stable = await PendingOutboxAsync() == 0 && current.Count == previous.Count && current.All(c => previous.GetValueOrDefault(c.Key) == c.Value) ? stable + 1 : 0;
            previous = current;
        }

        return previous;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Platform.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> PendingOutboxAsync()
    {
        await using var connection = new NpgsqlConnection(Platform.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"OutboxMessages\" WHERE \"DispatchedAt\" IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(Platform.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM \"{table}\" t", connection);
            snapshot[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return snapshot;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    public void Dispose()
    {
        _journeys.Dispose();
        _anonymous?.Dispose();
    }
}
