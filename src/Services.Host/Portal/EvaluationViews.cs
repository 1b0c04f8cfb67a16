using System.Text.Json;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Cases;
using OneThing.Host.Privacy;

namespace OneThing.Host.Portal;

/// <summary>
/// An evaluation as reported: case number, departments and matter codes (with the level each matter got), applicant
/// (masked ID number), agent, the clerks evaluated, channel, time, comment, and the rectifications it opened.
/// </summary>
public sealed record EvaluationView(
    Guid Id,
    string CaseNumber,
    string Kind,
    Guid? FollowUpOf,
    string Channel,
    string Overall,
    string OverallZh,
    bool Bad,
    IReadOnlyDictionary<string, string> Levels,
    IReadOnlyList<string> Departments,
    string LeadDepartment,
    IReadOnlyList<EvaluatedMatter> Matters,
    IReadOnlyList<EvaluatedClerkView> Clerks,
    EvaluationPartyView Applicant,
    EvaluationPartyView? Agent,
    EvaluationPartyView SubmittedBy,
    DateTimeOffset At,
    string? Comment,
    IReadOnlyList<RectificationView> Rectifications)
{
    public static EvaluationView From(Evaluation e, IEnumerable<Rectification> rectifications, DateTimeOffset now)
    {
        var matters = JsonSerializer.Deserialize<List<EvaluatedMatter>>(e.Matters, JsonSerializerOptions.Web) ?? [];
        return new EvaluationView(
            e.Id, e.CaseNumber, e.Kind.ToString(), e.FollowUpOf, e.Channel.ToString(), e.Overall.ToString(), e.Overall.Zh(), e.Bad,
            JsonSerializer.Deserialize<Dictionary<string, string>>(e.Levels) ?? [],
            [.. matters.Select(m => m.Department).Distinct()],
            e.LeadDepartment,
            matters,
            [.. matters.Where(m => m.ClerkUserId is not null).GroupBy(m => m.ClerkUserId!)
                .Select(g => new EvaluatedClerkView(g.Key, g.First().ClerkName, g.First().Department, [.. g.Select(m => m.Matter)]))],
            new EvaluationPartyView(e.ApplicantName, Masking.Subject(e.ApplicantIdNumber), null, null),
            e.AgentUserId is null ? null : new EvaluationPartyView(e.AgentName ?? e.AgentUserId, null, e.AgentUserId, e.AgentRole),
            new EvaluationPartyView(e.SubmittedByName, null, e.SubmittedBy, null),
            e.At, e.Comment,
            [.. rectifications.Where(r => r.EvaluationId == e.Id).OrderBy(r => r.DepartmentCode, StringComparer.Ordinal).Select(r => RectificationView.From(r, now))]);
    }
}

/// <summary>A person on the evaluation: the applicant (masked ID number), the agent (with their role) or who submitted it.</summary>
public sealed record EvaluationPartyView(string Name, string? IdNumber, string? UserId, string? Role);

/// <summary>A clerk whose decisions were rated: the decider of one or more of the case's matters.</summary>
public sealed record EvaluatedClerkView(string UserId, string? Name, string Department, IReadOnlyList<string> Matters);

/// <summary>A rectification with its deadlines, whether they have passed, and the head's notes.</summary>
public sealed record RectificationView(
    Guid Id,
    Guid EvaluationId,
    string CaseNumber,
    string Department,
    IReadOnlyList<string> Matters,
    bool ForOverall,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset CallBackDueAt,
    DateTimeOffset FixDueAt,
    string CalendarVersion,
    bool Provisional,
    bool CallBackOverdue,
    bool FixOverdue,
    DateTimeOffset? CalledBackAt,
    string? CalledBackBy,
    string? CallBackNote,
    DateTimeOffset? FixedAt,
    string? FixedBy,
    string? FixNote)
{
    public static RectificationView From(Rectification r, DateTimeOffset now) => new(
        r.Id, r.EvaluationId, r.CaseNumber, r.DepartmentCode, JsonSerializer.Deserialize<List<string>>(r.MatterCodes) ?? [], r.ForOverall, r.Status.ToString(),
        r.OpenedAt, r.CallBackDueAt, r.FixDueAt, r.CalendarVersion, r.DeadlinesProvisional,
        (r.CalledBackAt ?? now) > r.CallBackDueAt, (r.FixedAt ?? now) > r.FixDueAt,
        r.CalledBackAt, r.CalledBackByName, r.CallBackNote, r.FixedAt, r.FixedByName, r.FixNote);
}
