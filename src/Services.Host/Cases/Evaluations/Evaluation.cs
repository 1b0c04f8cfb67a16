namespace OneThing.Host.Cases.Evaluations;

/// <summary>Where the rating was given: by the applicant online, or at the window through the window clerk (offline).</summary>
public enum EvaluationChannel
{
    Online,
    Window,
}

/// <summary>The first rating of a completed case, or the one follow-up rating after a bad review was rectified.</summary>
public enum EvaluationKind
{
    Initial,
    FollowUp,
}

/// <summary>
/// A rating of a completed case (好差评): overall and per indicator, optionally per matter, with everything an
/// evaluation reported upward carries — case number, departments and matter codes, applicant, agent, the clerks
/// evaluated, channel and time. One initial rating per case and at most one follow-up (unique by case and kind).
/// </summary>
public sealed class Evaluation
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string CaseNumber { get; set; }

    public EvaluationKind Kind { get; set; }

    /// <summary>The bad initial rating this follow-up answers.</summary>
    public Guid? FollowUpOf { get; set; }

    public EvaluationChannel Channel { get; set; }

    /// <summary>The overall level (also in <see cref="Levels"/>), a column for statistics.</summary>
    public SatisfactionLevel Overall { get; set; }

    /// <summary>Any level is bad (the overall one or a matter's): a rectification was opened for it.</summary>
    public bool Bad { get; set; }

    /// <summary>JSON object indicator → level name, e.g. <c>{"overall":"Satisfied","efficiency":"VerySatisfied"}</c>.</summary>
    public required string Levels { get; set; }

    /// <summary>JSON array of <see cref="EvaluatedMatter"/>: every matter of the case with its department, deciding clerk and level if rated.</summary>
    public required string Matters { get; set; }

    /// <summary>The journey's lead department (牵头部门), answerable for an overall rating.</summary>
    public required string LeadDepartment { get; set; }

    /// <summary>The case's subject: the person or organisation rated for.</summary>
    public required string ApplicantIdNumber { get; set; }

    public required string ApplicantName { get; set; }

    /// <summary>Who acted for the applicant on the case (the window clerk or an organisation's agent), if anyone.</summary>
    public string? AgentUserId { get; set; }

    public string? AgentName { get; set; }

    /// <summary><c>window-clerk</c> or <c>agent</c>, as on the case.</summary>
    public string? AgentRole { get; set; }

    /// <summary>The account that submitted the rating (the applicant, or the window clerk at the window).</summary>
    public required string SubmittedBy { get; set; }

    public required string SubmittedByName { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }
}

/// <summary>One matter of a rated case as recorded on the evaluation: department, who decided it, and its level if rated.</summary>
public sealed record EvaluatedMatter(string Matter, string Name, string Department, string? Level, string? ClerkUserId, string? ClerkName);
