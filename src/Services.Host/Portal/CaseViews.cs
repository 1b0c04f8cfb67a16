using System.Text.Json.Nodes;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Cases.Model;
using OneThing.Host.Cases;
using OneThing.Host.Privacy;

namespace OneThing.Host.Portal;

/// <summary>A case in a list: no personal data beyond the masked subject number.</summary>
public sealed record CaseSummary(
    string Number, string Journey, string JourneyName, string Status, string SubjectName, string SubjectIdNumber,
    string? ActingAs, DateTimeOffset SubmittedAt, DateTimeOffset? PromisedDueAt, DateTimeOffset? ClosedAt)
{
    public static CaseSummary From(Case c) => new(c.Number, c.JourneyCode, c.JourneyName, c.Status.ToString(), c.SubjectName,
        Masking.Subject(c.SubjectIdNumber), c.ActingAs, c.SubmittedAt, c.PromisedDueAt, c.ClosedAt);
}

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);

/// <summary>
/// One case with its timeline: every matter's state, department, clerk, deadline and remaining working days, and the
/// calendar version that computed each deadline. Remaining days are counted on the current calendar.
/// </summary>
public sealed record CaseView(
    string Number,
    string Journey,
    int JourneyVersion,
    string JourneyName,
    string Status,
    CaseSubjectView Subject,
    CaseActorView SubmittedBy,
    JsonNode? Authorisation,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PromisedDueAt,
    DateTimeOffset? StatutoryDueAt,
    string? CalendarVersion,
    int? RemainingWorkingDays,
    DateTimeOffset? ClosedAt,
    string? ClosingReason,
    JsonNode? Form,
    IReadOnlyList<MatterView> Matters,
    IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<CorrectionView> Corrections,
    IReadOnlyList<ResultView> Results,
    IReadOnlyList<EventView> Timeline)
{
    public static CaseView From(Case c, Journey? journey, IEnumerable<CaseMaterial> materials, IEnumerable<CaseCorrection> corrections,
        IEnumerable<CaseEvent> events, DateTimeOffset now, WorkingDayCalendar calendar, bool withForm)
    {
        var open = !c.Status.IsClosed();
        return new CaseView(
            c.Number, c.JourneyCode, c.JourneyVersion, c.JourneyName, c.Status.ToString(),
            new CaseSubjectView(c.SubjectKind.ToString(), c.SubjectName, Masking.Subject(c.SubjectIdNumber)),
            new CaseActorView(c.SubmittedBy, c.SubmittedByName, c.ActingAs),
            c.Authorisation is null ? null : JsonNode.Parse(c.Authorisation),
            c.SubmittedAt, c.AcceptedAt, c.PromisedDueAt, c.StatutoryDueAt, c.CalendarVersion,
            open && c.PromisedDueAt is not null ? CaseDeadlines.RemainingWorkingDays(now, c.PromisedDueAt.Value, calendar) : null,
            c.ClosedAt, c.ClosingReason,
            withForm ? JsonNode.Parse(c.Form) : null,
            [.. c.Matters.OrderBy(m => m.Position).Select(m => MatterView.From(m, journey?.Matter(m.Code), now, calendar))],
            [.. materials.Where(m => !m.Superseded).Select(MaterialView.From)],
            [.. corrections.OrderBy(x => x.RequestedAt).Select(CorrectionView.From)],
            [.. c.Matters.Where(m => m.LicenceId is not null).OrderBy(m => m.Position)
                .Select(m => new ResultView(m.Code, m.Name, journey?.Matter(m.Code)?.Produces, journey?.Matter(m.Code)?.ProducesName, m.LicenceId!, m.Status.ToString()))],
            [.. events.OrderBy(e => e.Id).Select(EventView.From)]);
    }
}

public sealed record CaseSubjectView(string Kind, string Name, string IdNumber);

public sealed record CaseActorView(string UserId, string Name, string? ActingAs);

public sealed record MatterView(
    string Code, string Name, string NameEn, string Department, string DepartmentName, string Status, bool IsAcceptance,
    IReadOnlyList<string> DependsOn, string? Clerk, string? Decider, string? DecidedBy, string? Rule, string? Reason,
    DateTimeOffset? ClockStartedAt, DateTimeOffset? PromisedDueAt, DateTimeOffset? StatutoryDueAt, string? CalendarVersion, int? RemainingWorkingDays,
    DateTimeOffset? DecidedAt, int PromisedDays, int StatutoryDays, int Corrections, string? LicenceId, DateTimeOffset? EscalatedAt,
    DateTimeOffset? SuspendedAt, string? SuspensionReason)
{
    public static MatterView From(CaseMatter m, JourneyMatter? spec, DateTimeOffset now, WorkingDayCalendar calendar) => new(
        m.Code, m.Name, m.NameEn, m.DepartmentCode,
        DepartmentSeeder.Catalogue.FirstOrDefault(d => d.Code == m.DepartmentCode)?.Name ?? m.DepartmentCode,
        m.Status.ToString(), m.IsAcceptance, spec?.DependsOn ?? [],
        m.ClaimedByName ?? m.DecidedByName, m.Decider?.ToString(), m.DecidedByName ?? m.DecidedBy, m.RuleId, m.Reason,
        m.ClockStartedAt, m.PromisedDueAt, m.StatutoryDueAt, m.CalendarVersion,
        m.Status is MatterStatus.InReview && m.PromisedDueAt is not null ? CaseDeadlines.RemainingWorkingDays(now, m.PromisedDueAt.Value, calendar) : null,
        m.DecidedAt, m.PromisedDays, m.StatutoryDays, m.Corrections, m.LicenceId, m.EscalatedAt, m.SuspendedAt, m.SuspensionReason);
}

public sealed record MaterialView(string Code, string Name, string Source, string? LicenceId, string? LicenceType, string? Holder, string? HolderIdNumber,
    string? FileName, string? MediaType, string Sha256, bool WithConsent)
{
    public static MaterialView From(CaseMaterial m) => new(m.Code, m.Name, m.Source.ToString(), m.LicenceId, m.LicenceType, m.HolderName,
        m.HolderIdNumber is null ? null : Masking.Subject(m.HolderIdNumber), m.FileName, m.MediaType, m.Sha256, m.ConsentId is not null);
}

public sealed record CorrectionView(Guid Id, string Matter, JsonNode? Items, string? RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? SubmittedAt)
{
    public static CorrectionView From(CaseCorrection c) => new(c.Id, c.MatterCode, JsonNode.Parse(c.Items), c.RequestedByName, c.RequestedAt, c.SubmittedAt);
}

public sealed record ResultView(string Matter, string MatterName, string? LicenceType, string? LicenceTypeName, string LicenceId, string MatterStatus);

public sealed record EventView(DateTimeOffset At, string Kind, string? Matter, string Actor, string? ActorName, string? OnBehalfOf, string? Detail)
{
    public static EventView From(CaseEvent e) => new(e.At, e.Kind, e.MatterCode, e.Actor, e.ActorName, e.OnBehalfOf, e.Detail);
}
