using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Auditing;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;

namespace OneThing.FunctionalTests.Auditing;

/// <summary>
/// The chain-tamper tests on real PostgreSQL: a case is driven, the auditor's verification finds the chain intact, and
/// after one row is edited or deleted with raw SQL the verification names exactly that row (or the gap) as the first
/// broken link.
/// </summary>
public sealed class AuditChainTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Auditor = "auditor";

    [Fact]
    public async Task An_untouched_chain_verifies_intact_and_an_edited_row_is_named_as_the_first_broken_link()
    {
        using var journeys = new JourneyClient(Platform);
        await NewbornSteps.AcceptedCaseAsync(journeys);

        var intact = await VerifyAsync(journeys);
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.Equal(0, intact.GetProperty("unchained").GetInt64());
        var checkedCount = intact.GetProperty("checked").GetInt64();
        Assert.True(checkedCount > 10, $"a driven case leaves more than a handful of events: {intact}");
        Assert.Equal(JsonValueKind.Null, intact.GetProperty("firstBreak").ValueKind);

        // An intruder rewrites who did something, in the middle of the chain.
        var sequence = checkedCount / 2;
        var id = await AuditDatabase.ScalarAsync<long>(Platform, "SELECT \"Id\" FROM \"AuditEvents\" WHERE \"Sequence\" = @s", ("s", sequence));
        Assert.Equal(1, await AuditDatabase.ExecuteAsync(Platform,
            "UPDATE \"AuditEvents\" SET \"ActorId\" = 'someone-else', \"Action\" = 'entity.deleted' WHERE \"Id\" = @id", ("id", id)));

        var broken = await VerifyAsync(journeys);
        Assert.False(broken.GetProperty("intact").GetBoolean());
        var link = broken.GetProperty("firstBreak");
        Assert.Equal(sequence, link.GetProperty("sequence").GetInt64());
        Assert.Equal(id, link.GetProperty("id").GetInt64());
        Assert.Equal("hash_mismatch", link.GetProperty("problem").GetString());
        Assert.Equal(sequence, broken.GetProperty("checked").GetInt64());
    }

    [Fact]
    public async Task A_row_edited_and_rehashed_breaks_the_next_link()
    {
        using var journeys = new JourneyClient(Platform);
        await NewbornSteps.AcceptedCaseAsync(journeys);
        var checkedCount = (await VerifyAsync(journeys)).GetProperty("checked").GetInt64();

        // A careful intruder edits a row and stores a correct hash for the edited fields: the row itself verifies,
        // but the next event still names the original hash.
        var sequence = checkedCount / 3;
        AuditEvent edited;
        await using (var scope = Platform.CreateScope())
        {
            edited = await Platform.Db(scope).Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Sequence == sequence);
        }

        edited.ActorId = "someone-else";
        edited.Hash = AuditHash.Compute(edited);
        Assert.Equal(1, await AuditDatabase.ExecuteAsync(Platform, "UPDATE \"AuditEvents\" SET \"ActorId\" = @actor, \"Hash\" = @hash WHERE \"Id\" = @id",
            ("actor", edited.ActorId), ("hash", edited.Hash), ("id", edited.Id)));
        var nextId = await AuditDatabase.ScalarAsync<long>(Platform, "SELECT \"Id\" FROM \"AuditEvents\" WHERE \"Sequence\" = @s", ("s", sequence + 1));

        var link = (await VerifyAsync(journeys)).GetProperty("firstBreak");
        Assert.Equal(sequence + 1, link.GetProperty("sequence").GetInt64());
        Assert.Equal(nextId, link.GetProperty("id").GetInt64());
        Assert.Equal("previous_hash_mismatch", link.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_deleted_row_is_named_as_a_missing_sequence()
    {
        using var journeys = new JourneyClient(Platform);
        await NewbornSteps.AcceptedCaseAsync(journeys);
        var checkedCount = (await VerifyAsync(journeys)).GetProperty("checked").GetInt64();

        var sequence = checkedCount / 2;
        var nextId = await AuditDatabase.ScalarAsync<long>(Platform, "SELECT \"Id\" FROM \"AuditEvents\" WHERE \"Sequence\" = @s", ("s", sequence + 1));
        Assert.Equal(1, await AuditDatabase.ExecuteAsync(Platform, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = @s", ("s", sequence)));

        var verification = await VerifyAsync(journeys);
        Assert.False(verification.GetProperty("intact").GetBoolean());
        var link = verification.GetProperty("firstBreak");
        Assert.Equal(sequence, link.GetProperty("sequence").GetInt64());
        Assert.Equal(nextId, link.GetProperty("id").GetInt64());
        Assert.Equal("missing_sequence", link.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Deleting_the_newest_events_is_caught_by_the_chain_head()
    {
        using var journeys = new JourneyClient(Platform);
        await NewbornSteps.AcceptedCaseAsync(journeys);
        var last = (await VerifyAsync(journeys)).GetProperty("lastSequence").GetInt64();

        // Stop the hosts' chainers from hiding the gap behind new events: delete the tail and verify at once.
        await AuditDatabase.ExecuteAsync(Platform, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= @s", ("s", last - 1));
        var verification = await VerifyAsync(journeys);

        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Equal("missing_sequence", verification.GetProperty("firstBreak").GetProperty("problem").GetString());
        Assert.Equal(last - 1, verification.GetProperty("firstBreak").GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Only_auditors_read_the_trail()
    {
        using var journeys = new JourneyClient(Platform);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await journeys.AsAsync("admin")).GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await journeys.AsAsync(NewbornSteps.Father)).GetAsync("/api/v1/audit/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Platform.Factory.CreateApiClient().GetAsync("/api/v1/audit/events")).StatusCode);

        var badRange = await (await journeys.AsAsync(Auditor)).GetAsync("/api/v1/audit/events?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z&pageSize=9999");
        var errors = await JourneyClient.FieldErrorsAsync(badRange);
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        Assert.Equal("invalid_range", errors["#/from"]);
        Assert.Equal("invalid_page_size", errors["#/pageSize"]);
    }

    private static Task<JsonElement> VerifyAsync(JourneyClient journeys) => journeys.GetJsonAsync(Auditor, "/api/v1/audit/verify");
}
