using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Cases.Model;

namespace OneThing.FunctionalTests.Cases;

/// <summary>The supervision statistics agree with a hand-counted fixture (March 2026 has no holidays).</summary>
public sealed class StatisticsApiTests(PlatformFixture platform) : PlatformTest(platform)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour) => new DateTimeOffset(2026, month, day, hour, 0, 0, Beijing).ToUniversalTime();

    private static DateTimeOffset EndOf(int month, int day) => new DateTimeOffset(2026, month, day, 23, 59, 59, 999, Beijing).ToUniversalTime();

    [Fact]
    public async Task Per_department_and_journey_figures_match_the_hand_count_and_heads_see_only_their_department()
    {
        await SeedAsync();
        using var admin = await Platform.Factory.CreateApiClient().AuthorizeAsync("admin");
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/v1/statistics?from=2026-03-01&to=2026-03-31");

        var health = Row(stats, "departments", "department", "health");
        Assert.Equal((2, 2, 2, 1.0, 1.0, 0, 0.0, 0), Figures(health));
        Assert.Equal((2, 1, 0.5), Reviews(health));
        var police = Row(stats, "departments", "department", "police");
        Assert.Equal((2, 1, 0, 0.0, 2.0, 1, 0.5, 1), Figures(police));
        Assert.Equal((2, 1, 0.5), Reviews(police));
        Assert.Equal(2, stats.GetProperty("departments").GetArrayLength()); // April's market matter is outside the period

        var newborn = Row(stats, "journeys", "journey", "newborn");
        Assert.Equal(2, newborn.GetProperty("received").GetInt32());
        Assert.Equal(2, newborn.GetProperty("completed").GetInt32());
        Assert.Equal(1, newborn.GetProperty("onTime").GetInt32());
        Assert.Equal(0.5, newborn.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(5.5, newborn.GetProperty("averageWorkingDays").GetDouble()); // (3 + 8) / 2
        Assert.Equal(0.5, newborn.GetProperty("correctionRate").GetDouble());
        Assert.Equal((2, 1, 0.5), Reviews(newborn));
        Assert.Equal(1, stats.GetProperty("journeys").GetArrayLength());

        var overdue = Assert.Single(stats.GetProperty("overdueMatters").EnumerateArray());
        Assert.Equal("STAT-B", overdue.GetProperty("caseNumber").GetString());
        Assert.Equal("household-registration", overdue.GetProperty("matter").GetString());
        Assert.True(overdue.GetProperty("workingDaysOverdue").GetInt32() > 100);

        // A head sees their department only, as JSON and CSV; asking for another department is refused.
        using var head = await Platform.Factory.CreateApiClient().AuthorizeAsync("head.police");
        var own = await head.GetFromJsonAsync<JsonElement>("/api/v1/statistics?from=2026-03-01&to=2026-03-31");
        Assert.Equal("police", Assert.Single(own.GetProperty("departments").EnumerateArray()).GetProperty("department").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/api/v1/statistics?department=health")).StatusCode);
        var csv = await head.GetStringAsync("/api/v1/statistics/departments.csv?from=2026-03-01&to=2026-03-31");
        var lines = csv.TrimStart('\uFEFF').Trim().Split('\n');
        Assert.Equal("department,department_name,received,completed,on_time,on_time_rate,average_working_days,corrected,correction_rate,overdue,evaluated,bad_reviews,bad_review_rate", lines[0]);
        Assert.Equal("police,菏泽市公安局,2,1,0,0,2,1,0.5,1,2,1,0.5", Assert.Single(lines[1..]));

        using var clerk = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.police");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/statistics")).StatusCode);
        var bad = await admin.GetAsync("/api/v1/statistics?from=2026-03-31&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static (int, int, int, double?, double?, int, double?, int) Figures(JsonElement row) => (
        row.GetProperty("received").GetInt32(), row.GetProperty("completed").GetInt32(), row.GetProperty("onTime").GetInt32(),
        Double(row, "onTimeRate"), Double(row, "averageWorkingDays"), row.GetProperty("corrected").GetInt32(), Double(row, "correctionRate"),
        row.GetProperty("overdue").GetInt32());

    private static (int, int, double?) Reviews(JsonElement row) =>
        (row.GetProperty("evaluated").GetInt32(), row.GetProperty("badReviews").GetInt32(), Double(row, "badReviewRate"));

    private static double? Double(JsonElement row, string name) => row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private static JsonElement Row(JsonElement stats, string table, string key, string value) =>
        stats.GetProperty(table).EnumerateArray().Single(r => r.GetProperty(key).GetString() == value);

    /// <summary>
    /// Case A (newborn) accepted 3/2, completed 3/5 on time (3 working days): health decided on time in 1 day;
    /// police decided late in 2 days after a correction. Case B (newborn) accepted 3/10, completed 3/20 late
    /// (8 working days): health on time in 1 day; police still open past its 3/12 deadline. Case C (business
    /// start-up) in April: outside the period. Case D submitted, not accepted: no clock, not counted.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var scope = Platform.CreateScope();
        var db = Platform.Db(scope);
        Case NewCase(string number, string journey, DateTimeOffset? accepted, DateTimeOffset? promised, CaseStatus status, DateTimeOffset? closed) => new()
        {
            Id = Guid.NewGuid(), Number = number, JourneyCode = journey, JourneyVersion = 1, JourneyName = journey == "newborn" ? "新生儿出生一件事" : "企业开办一件事",
            Status = status, SubjectIdNumber = "371702199003071231", SubjectName = "张伟", SubmittedBy = "fixture", SubmittedByName = "fixture",
            RegionCode = "371702", Form = "{}", IdempotencyKey = number, RequestHash = number, InstanceId = Guid.NewGuid(),
            SubmittedAt = accepted ?? At(3, 20, 9), AcceptedAt = accepted, PromisedDueAt = promised, ClosedAt = closed, PromisedDays = 5, StatutoryDays = 30,
        };
        CaseMatter NewMatter(Case c, string code, string department, DateTimeOffset? clock, DateTimeOffset? promised, MatterStatus status, DateTimeOffset? decided, int corrections = 0) => new()
        {
            Id = Guid.NewGuid(), CaseId = c.Id, Code = code, Name = code, NameEn = code, DepartmentCode = department, Status = status,
            ClockStartedAt = clock, PromisedDueAt = promised, StatutoryDueAt = promised?.AddDays(20), DecidedAt = decided, Corrections = corrections,
            PromisedDays = 1, StatutoryDays = 5,
        };

        var a = NewCase("STAT-A", "newborn", At(3, 2, 10), EndOf(3, 9), CaseStatus.Completed, At(3, 5, 15));
        a.Matters.Add(NewMatter(a, "birth-certificate", "health", At(3, 2, 10), EndOf(3, 3), MatterStatus.Approved, At(3, 3, 9)));
        a.Matters.Add(NewMatter(a, "household-registration", "police", At(3, 3, 10), EndOf(3, 4), MatterStatus.Approved, At(3, 5, 11), corrections: 1));
        var b = NewCase("STAT-B", "newborn", At(3, 10, 9), EndOf(3, 17), CaseStatus.Completed, At(3, 20, 16));
        b.Matters.Add(NewMatter(b, "birth-certificate", "health", At(3, 10, 9), EndOf(3, 11), MatterStatus.Approved, At(3, 11, 16)));
        b.Matters.Add(NewMatter(b, "household-registration", "police", At(3, 11, 17), EndOf(3, 12), MatterStatus.InReview, null));
        var c = NewCase("STAT-C", "business-startup", At(4, 1, 9), EndOf(4, 3), CaseStatus.InProgress, null);
        c.Matters.Add(NewMatter(c, "establishment-registration", "market", At(4, 1, 9), EndOf(4, 2), MatterStatus.Approved, At(4, 2, 9)));
        var d = NewCase("STAT-D", "newborn", null, null, CaseStatus.Submitted, null);
        d.Matters.Add(NewMatter(d, "birth-certificate", "health", null, null, MatterStatus.Waiting, null));
        db.Cases.AddRange(a, b, c, d);
        // 好差评: A rated 满意, B 非常不满意 (a bad review; its follow-up after rectification does not count again).
        Evaluation Rating(Case rated, SatisfactionLevel level, EvaluationKind kind = EvaluationKind.Initial) => new()
        {
            Id = Guid.NewGuid(), CaseId = rated.Id, CaseNumber = rated.Number, Kind = kind, Channel = EvaluationChannel.Online, Overall = level,
            Bad = level <= SatisfactionLevel.Dissatisfied, Levels = "{}", Matters = "[]", LeadDepartment = "health", ApplicantIdNumber = rated.SubjectIdNumber,
            ApplicantName = rated.SubjectName, SubmittedBy = "fixture", SubmittedByName = "fixture", At = At(3, 25, 9),
        };
        db.Set<Evaluation>().AddRange(Rating(a, SatisfactionLevel.Satisfied), Rating(b, SatisfactionLevel.VeryDissatisfied),
            Rating(b, SatisfactionLevel.Satisfied, EvaluationKind.FollowUp));
        await db.SaveChangesAsync();
    }
}
