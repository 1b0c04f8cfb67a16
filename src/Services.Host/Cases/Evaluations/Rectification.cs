namespace OneThing.Host.Cases.Evaluations;

/// <summary>Where a rectification stands: opened by a bad review, the applicant called back (回访), the problem fixed (整改).</summary>
public enum RectificationStatus
{
    Open,
    CalledBack,
    Fixed,
}

/// <summary>
/// The loop a bad review (差评) opens for one department involved (the department of a bad-rated matter, or the
/// lead department for a bad overall rating): its head calls the applicant back within 1 working day and fixes the
/// problem within 5 working days; the applicant may then rate once more.
/// </summary>
public sealed class Rectification
{
    public const int CallBackWorkingDays = 1;
    public const int FixWorkingDays = 5;

    /// <summary>The longest note a head writes on a call-back or fix.</summary>
    public const int MaxNote = 1000;

    public Guid Id { get; set; }

    public Guid EvaluationId { get; set; }

    public Guid CaseId { get; set; }

    public required string CaseNumber { get; set; }

    public required string DepartmentCode { get; set; }

    /// <summary>JSON array of the bad-rated matter codes of this department; empty when only the overall rating was bad.</summary>
    public required string MatterCodes { get; set; }

    /// <summary>The bad overall rating is (also) this department's to answer, as the lead department.</summary>
    public bool ForOverall { get; set; }

    public RectificationStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset CallBackDueAt { get; set; }

    public DateTimeOffset FixDueAt { get; set; }

    /// <summary>The working-day calendar version that computed the deadlines, and whether a year counted was unpublished.</summary>
    public required string CalendarVersion { get; set; }

    public bool DeadlinesProvisional { get; set; }

    public DateTimeOffset? CalledBackAt { get; set; }

    public string? CalledBackBy { get; set; }

    public string? CalledBackByName { get; set; }

    public string? CallBackNote { get; set; }

    public DateTimeOffset? FixedAt { get; set; }

    public string? FixedBy { get; set; }

    public string? FixedByName { get; set; }

    public string? FixNote { get; set; }

    public int Revision { get; set; }
}
