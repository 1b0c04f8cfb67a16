using System.Text.Json;
using OneThing.Host.Cases;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Cases.Model;

namespace OneThing.UnitTests.Cases;

/// <summary>A bad review opens one rectification per department answerable for it, due in 1 and 5 working days.</summary>
public sealed class RectificationTests
{
    // Friday 2026-02-13, 17:30 in Beijing: Sat 2/14 is a make-up working day, 2/15–2/23 are the Spring Festival.
    private static readonly DateTimeOffset Now = new(2026, 2, 13, 9, 30, 0, TimeSpan.Zero);

    private static Case Case() => new()
    {
        Id = Guid.NewGuid(), Number = "371700202602130001X", JourneyCode = "newborn", JourneyName = "新生儿出生一件事", SubjectIdNumber = "371702199003071231",
        SubjectName = "张伟", SubmittedBy = "u1", SubmittedByName = "张伟", RegionCode = "371700", Form = "{}", IdempotencyKey = "k", RequestHash = "h",
        OwnerUserId = "u1", Status = CaseStatus.Completed,
        Matters =
        [
            Matter("acceptance", "service-center", 0, DeciderKind.Rule, null),
            Matter("birth-certificate", "health", 1, DeciderKind.Clerk, "clerk-health"),
            Matter("vaccination-certificate", "cdc", 2, DeciderKind.Clerk, "clerk-cdc"),
            Matter("household-registration", "police", 3, DeciderKind.Clerk, "clerk-police"),
        ],
    };

    private static CaseMatter Matter(string code, string department, int position, DeciderKind decider, string? by) => new()
    {
        Code = code, Name = code, NameEn = code, DepartmentCode = department, Position = position, Status = MatterStatus.Approved,
        Decider = decider, DecidedBy = by ?? "rule:x", DecidedByName = by is null ? null : $"{department}·经办人",
    };

    private static (Evaluation Evaluation, List<Rectification> Rectifications) Rate(SatisfactionLevel overall, params (string Matter, SatisfactionLevel Level)[] matters)
    {
        var @case = Case();
        var rating = new CheckedRating(EvaluationChannel.Online, new Dictionary<string, SatisfactionLevel> { ["overall"] = overall },
            matters.ToDictionary(m => m.Matter, m => m.Level), null);
        var caller = new Caller("u1", "张伟", ["applicant"], null, @case.SubjectIdNumber, null, null);
        var evaluation = EvaluationRecords.Create(@case, "health", rating, caller, EvaluationKind.Initial, null, Now);
        return (evaluation, EvaluationRecords.Open(evaluation, @case, rating, Now));
    }

    [Fact]
    public void A_bad_overall_rating_goes_to_the_lead_department_with_call_back_and_fix_deadlines_in_working_days()
    {
        var (evaluation, rectifications) = Rate(SatisfactionLevel.Dissatisfied);

        var rectification = Assert.Single(rectifications);
        Assert.Equal(("health", true, RectificationStatus.Open), (rectification.DepartmentCode, rectification.ForOverall, rectification.Status));
        Assert.Equal("[]", rectification.MatterCodes);
        Assert.Equal(evaluation.Id, rectification.EvaluationId);
        // 1 working day: the make-up Saturday 2/14; 5 working days: 2/14, 2/24, 2/25, 2/26, 2/27 — all ending 23:59:59.999 Beijing.
        Assert.Equal(new DateTimeOffset(2026, 2, 14, 15, 59, 59, 999, TimeSpan.Zero), rectification.CallBackDueAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 15, 59, 59, 999, TimeSpan.Zero), rectification.FixDueAt);
        Assert.False(rectification.DeadlinesProvisional);
        Assert.False(string.IsNullOrEmpty(rectification.CalendarVersion));
    }

    [Fact]
    public void Bad_matters_open_one_rectification_per_department_and_good_ones_none()
    {
        var (_, rectifications) = Rate(SatisfactionLevel.VeryDissatisfied,
            ("household-registration", SatisfactionLevel.VeryDissatisfied), ("vaccination-certificate", SatisfactionLevel.Dissatisfied),
            ("birth-certificate", SatisfactionLevel.Basic));

        Assert.Equal(["cdc", "health", "police"], rectifications.Select(r => r.DepartmentCode));
        Assert.Equal(["[\"vaccination-certificate\"]", "[]", "[\"household-registration\"]"], rectifications.Select(r => r.MatterCodes));
        Assert.Equal([false, true, false], rectifications.Select(r => r.ForOverall));
        Assert.Empty(Rate(SatisfactionLevel.Basic, ("birth-certificate", SatisfactionLevel.Satisfied)).Rectifications);
    }

    [Fact]
    public void The_evaluation_records_the_matters_departments_and_the_deciding_clerks()
    {
        var (evaluation, _) = Rate(SatisfactionLevel.Satisfied, ("birth-certificate", SatisfactionLevel.VerySatisfied));

        var matters = JsonSerializer.Deserialize<List<EvaluatedMatter>>(evaluation.Matters, JsonSerializerOptions.Web)!;
        Assert.Equal(["acceptance", "birth-certificate", "vaccination-certificate", "household-registration"], matters.Select(m => m.Matter));
        Assert.Equal(new EvaluatedMatter("birth-certificate", "birth-certificate", "health", "VerySatisfied", "clerk-health", "health·经办人"), matters[1]);
        Assert.Null(matters[0].ClerkUserId); // decided by a rule: no clerk is evaluated
        Assert.Null(matters[2].Level);
        Assert.Equal(("371700202602130001X", "张伟", "371702199003071231", false), (evaluation.CaseNumber, evaluation.ApplicantName, evaluation.ApplicantIdNumber, evaluation.Bad));
        Assert.Null(evaluation.AgentUserId);
    }
}
