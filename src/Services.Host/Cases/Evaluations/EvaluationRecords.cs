using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneThing.Contracts.Notifications;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Model;
using OneThing.Host.Persistence;
using OneThing.Workflows.Messaging;

namespace OneThing.Host.Cases.Evaluations;

/// <summary>Builds the evaluation record of a rating and the rectifications a bad one opens.</summary>
public static class EvaluationRecords
{
    public static Evaluation Create(Case @case, string leadDepartment, CheckedRating rating, Caller caller, EvaluationKind kind, Guid? followUpOf,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            CaseNumber = @case.Number,
            Kind = kind,
            FollowUpOf = followUpOf,
            Channel = rating.Channel,
            Overall = rating.Overall,
            Bad = rating.Bad,
            Levels = JsonSerializer.Serialize(rating.Levels.ToDictionary(l => l.Key, l => l.Value.ToString())),
            Matters = JsonSerializer.Serialize(@case.Matters.OrderBy(m => m.Position).Select(m => new EvaluatedMatter(
                m.Code, m.Name, m.DepartmentCode, rating.MatterLevels.TryGetValue(m.Code, out var level) ? level.ToString() : null,
                m.Decider == DeciderKind.Clerk ? m.DecidedBy : null, m.Decider == DeciderKind.Clerk ? m.DecidedByName : null)), JsonSerializerOptions.Web),
            LeadDepartment = leadDepartment,
            ApplicantIdNumber = @case.SubjectIdNumber,
            ApplicantName = @case.SubjectName,
            AgentUserId = @case.ActingAs is null ? null : @case.SubmittedBy,
            AgentName = @case.ActingAs is null ? null : @case.SubmittedByName,
            AgentRole = @case.ActingAs,
            SubmittedBy = caller.UserId,
            SubmittedByName = caller.Name,
            At = now,
            Comment = rating.Comment,
        };

    /// <summary>
    /// One rectification per department answerable for a bad level: the department of each bad-rated matter, and the
    /// lead department for a bad overall level. Call back within 1 working day, fix within 5, counted like a matter's
    /// clock from the day after (<see cref="CaseDeadlines"/>: the promised limit is the call-back, the longer one the fix).
    /// </summary>
    public static List<Rectification> Open(Evaluation evaluation, Case @case, CheckedRating rating, DateTimeOffset now, WorkingDayCalendar? calendar = null)
    {
        var departments = new SortedDictionary<string, (List<string> Matters, bool Overall)>(StringComparer.Ordinal);
        foreach (var (code, level) in rating.MatterLevels.Where(l => l.Value.IsBad()))
        {
            var department = @case.Matters.Single(m => m.Code == code).DepartmentCode;
            var entry = departments.GetValueOrDefault(department, ([], false));
            entry.Matters.Add(code);
            departments[department] = entry;
        }

        if (rating.Overall.IsBad())
        {
            var entry = departments.GetValueOrDefault(evaluation.LeadDepartment, ([], false));
            departments[evaluation.LeadDepartment] = (entry.Matters, true);
        }

        var deadlines = CaseDeadlines.From(now, Rectification.CallBackWorkingDays, Rectification.FixWorkingDays, calendar);
        return [.. departments.Select(d => new Rectification
        {
            Id = Guid.CreateVersion7(now),
            EvaluationId = evaluation.Id,
            CaseId = @case.Id,
            CaseNumber = @case.Number,
            DepartmentCode = d.Key,
            MatterCodes = JsonSerializer.Serialize(d.Value.Matters.Order(StringComparer.Ordinal)),
            ForOverall = d.Value.Overall,
            Status = RectificationStatus.Open,
            OpenedAt = now,
            CallBackDueAt = deadlines.Promised,
            FixDueAt = deadlines.Statutory,
            CalendarVersion = deadlines.CalendarVersion,
            DeadlinesProvisional = deadlines.Provisional,
        })];
    }

    /// <summary>Tells the case's owner through the outbox (committed with the change); the id is stable per step, so a retry does not tell twice.</summary>
    public static void NotifyOwner(this AppDbContext db, Case @case, string step, string title, string body)
    {
        if (@case.OwnerUserId is not { } owner)
        {
            return;
        }

        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{@case.Number}|{step}")).AsSpan(0, 16));
        db.Publish(new NotificationRequested(id, owner, title, body, @case.Number));
    }
}

/// <summary>Timeline entries (<see cref="CaseEvent.Kind"/>) of the evaluation loop.</summary>
public static class EvaluationEventKinds
{
    public const string Evaluated = "Evaluated";
    public const string RectificationOpened = "RectificationOpened";
    public const string CalledBack = "RectificationCalledBack";
    public const string Rectified = "Rectified";
    public const string FollowedUp = "EvaluationFollowedUp";
}
