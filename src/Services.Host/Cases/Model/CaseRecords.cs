using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Cases.Model;

public enum CaseStatus
{
    /// <summary>Submitted, waiting for acceptance (受理).</summary>
    Submitted,
    /// <summary>Accepted; matters are being worked by the departments.</summary>
    InProgress,
    /// <summary>Someone asked the applicant to correct or add items (补正).</summary>
    CorrectionRequired,
    Completed,
    Rejected,
    Withdrawn,
}

public enum SubjectKind
{
    Person,
    Organisation,
}

/// <summary>
/// A one-matter application (办件): one form, one set of materials, one case number; its matters are
/// worked by the departments through the workflow instance it started.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; }

    /// <summary>Case number with region prefix and check character (<see cref="Identifiers.CaseNumber"/>).</summary>
    public required string Number { get; set; }

    public required string JourneyCode { get; set; }

    public int JourneyVersion { get; set; }

    public required string JourneyName { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>The account whose case it is (sees it under "my cases"); null when the subject has no account.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Who the case is about and applies: a person or an organisation (the employer).</summary>
    public SubjectKind SubjectKind { get; set; }

    public required string SubjectIdNumber { get; set; }

    public required string SubjectName { get; set; }

    /// <summary>Who submitted it: the applicant themself, an organisation's agent, or a window clerk (帮办代办).</summary>
    public required string SubmittedBy { get; set; }

    public required string SubmittedByName { get; set; }

    /// <summary>Set when someone other than the subject acted: <c>window-clerk</c> or <c>agent</c>.</summary>
    public string? ActingAs { get; set; }

    /// <summary>JSON of the authorisation evidence for assisted or agent filing (kind, reference, description).</summary>
    public string? Authorisation { get; set; }

    public required string RegionCode { get; set; }

    public required string Form { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the submitted request: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    public Guid InstanceId { get; set; }

    public int PromisedDays { get; set; }

    public int StatutoryDays { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? PromisedDueAt { get; set; }

    public DateTimeOffset? StatutoryDueAt { get; set; }

    /// <summary>The working-day calendar version that computed <see cref="PromisedDueAt"/> and <see cref="StatutoryDueAt"/>.</summary>
    public string? CalendarVersion { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosingReason { get; set; }

    public List<CaseMatter> Matters { get; set; } = [];
}

public enum MatterStatus
{
    /// <summary>Waiting for what it depends on (未开始).</summary>
    Waiting,
    /// <summary>In its department's queue (办理中).</summary>
    InReview,
    CorrectionRequired,
    /// <summary>The clock is stopped for an excluded period (听证、现场勘验、专家评审、检验检测).</summary>
    Suspended,
    Approved,
    Rejected,
    Cancelled,
    /// <summary>Approved, then undone by a withdrawal (已撤销).</summary>
    Revoked,
}

/// <summary>Who decided a matter: a clerk, a rule (秒批) or the department's own system.</summary>
public enum DeciderKind
{
    Clerk,
    Rule,
    System,
}

/// <summary>One department service (事项) of a case, or the case's acceptance (受理).</summary>
public sealed class CaseMatter
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Code within the journey, e.g. <c>birth-certificate</c>; <c>acceptance</c> for 受理.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string NameEn { get; set; }

    public required string DepartmentCode { get; set; }

    public bool IsAcceptance { get; set; }

    /// <summary>Order of the matter in its journey, for display.</summary>
    public int Position { get; set; }

    public MatterStatus Status { get; set; }

    public int PromisedDays { get; set; }

    public int StatutoryDays { get; set; }

    /// <summary>The open task in the department's queue, if any (the task id is its bookmark id).</summary>
    public Guid? TaskId { get; set; }

    public string? ClaimedBy { get; set; }

    public string? ClaimedByName { get; set; }

    /// <summary>When the department received it; the clock counts from the day after (restarts after a correction).</summary>
    public DateTimeOffset? ClockStartedAt { get; set; }

    public DateTimeOffset? PromisedDueAt { get; set; }

    public DateTimeOffset? StatutoryDueAt { get; set; }

    /// <summary>When the promised deadline passed with the matter still open: escalated to the head, overdue.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>The working-day calendar version that computed the current deadlines (recomputed when the clock restarts).</summary>
    public string? CalendarVersion { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public DeciderKind? Decider { get; set; }

    /// <summary>The rule that decided it (秒批), when <see cref="Decider"/> is Rule.</summary>
    public string? RuleId { get; set; }

    public string? Reason { get; set; }

    /// <summary>The e-licence this matter produced (written back to the licence library).</summary>
    public string? LicenceId { get; set; }

    public int Corrections { get; set; }

    /// <summary>While <see cref="MatterStatus.Suspended"/>: since when, why, and the bookmark resuming it.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public string? SuspensionReason { get; set; }

    public Guid? SuspensionBookmarkId { get; set; }
}

/// <summary>One line of a case's timeline and audit: who did what, for whom, when.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Kind { get; set; }

    public string? MatterCode { get; set; }

    /// <summary>The acting account (a user id, <c>rule:…</c>, <c>system:…</c>).</summary>
    public required string Actor { get; set; }

    public string? ActorName { get; set; }

    /// <summary>On whose behalf the actor acted (assisted filing), when not themself.</summary>
    public string? OnBehalfOf { get; set; }

    public string? Detail { get; set; }
}

public enum MaterialSource
{
    /// <summary>Pulled from the licence library (免证办事).</summary>
    Licence,
    /// <summary>Provided by the applicant (an upload).</summary>
    Applicant,
}

/// <summary>A material of the case: an e-licence used (with the pull recorded) or a file the applicant provided.</summary>
public sealed class CaseMaterial
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public MaterialSource Source { get; set; }

    public string? LicenceId { get; set; }

    public string? LicenceType { get; set; }

    public string? HolderIdNumber { get; set; }

    public string? HolderName { get; set; }

    /// <summary>The licence library's record of the pull.</summary>
    public string? PullId { get; set; }

    /// <summary>The consent that allowed using another person's licence.</summary>
    public Guid? ConsentId { get; set; }

    public string? FileName { get; set; }

    public string? MediaType { get; set; }

    public byte[]? Content { get; set; }

    /// <summary>Hex SHA-256 of what was used: the licence content or the file.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Replaced by a correction; kept for the record.</summary>
    public bool Superseded { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A correction request (补正告知): every missing or wrong item at once, answered once by the applicant.</summary>
public sealed class CaseCorrection
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string MatterCode { get; set; }

    /// <summary>The bookmark the applicant's answer resumes.</summary>
    public Guid BookmarkId { get; set; }

    /// <summary>JSON array of items: <c>{ "item", "reason", "reasonEn" }</c> (a form pointer or a material code).</summary>
    public required string Items { get; set; }

    public required string RequestedBy { get; set; }

    public string? RequestedByName { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public string? Response { get; set; }
}

/// <summary>A person's consent that another person may use their e-licences in an application (授权用证).</summary>
public sealed class LicenceConsent
{
    public Guid Id { get; set; }

    public required string GrantorUserId { get; set; }

    public required string GrantorIdNumber { get; set; }

    public required string GrantorName { get; set; }

    /// <summary>ID number of the person who may use the licences.</summary>
    public required string GranteeIdNumber { get; set; }

    public required string JourneyCode { get; set; }

    /// <summary>JSON array of licence type codes.</summary>
    public required string LicenceTypes { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>The last case number sequence used per region and day.</summary>
public sealed class CaseNumberCounter
{
    public required string RegionCode { get; set; }

    public DateOnly Day { get; set; }

    public int Last { get; set; }

    public int Revision { get; set; }
}

internal sealed class CaseConfigurations :
    IEntityTypeConfiguration<Case>, IEntityTypeConfiguration<CaseMatter>, IEntityTypeConfiguration<CaseEvent>,
    IEntityTypeConfiguration<CaseMaterial>, IEntityTypeConfiguration<CaseCorrection>, IEntityTypeConfiguration<LicenceConsent>,
    IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(21);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.JourneyCode).HasMaxLength(64);
        builder.Property(c => c.JourneyName).HasMaxLength(200);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.SubjectKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.OwnerUserId).HasMaxLength(64);
        builder.Property(c => c.SubjectIdNumber).HasMaxLength(18);
        builder.Property(c => c.SubjectName).HasMaxLength(200);
        builder.Property(c => c.SubmittedBy).HasMaxLength(64);
        builder.Property(c => c.SubmittedByName).HasMaxLength(200);
        builder.Property(c => c.ActingAs).HasMaxLength(16);
        builder.Property(c => c.Authorisation).HasMaxLength(4000);
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(100);
        builder.Property(c => c.RequestHash).HasMaxLength(64);
        builder.Property(c => c.ClosingReason).HasMaxLength(1000);
        builder.Property(c => c.CalendarVersion).HasMaxLength(64);
        builder.HasIndex(c => new { c.SubmittedBy, c.IdempotencyKey }).IsUnique();
        builder.HasIndex(c => new { c.OwnerUserId, c.SubmittedAt });
        builder.HasIndex(c => c.InstanceId).IsUnique();
        builder.HasMany(c => c.Matters).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseMatter> builder)
    {
        builder.ToTable("CaseMatters");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.NameEn).HasMaxLength(200);
        builder.Property(m => m.DepartmentCode).HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Decider).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ClaimedBy).HasMaxLength(64);
        builder.Property(m => m.ClaimedByName).HasMaxLength(200);
        builder.Property(m => m.DecidedBy).HasMaxLength(100);
        builder.Property(m => m.DecidedByName).HasMaxLength(200);
        builder.Property(m => m.RuleId).HasMaxLength(100);
        builder.Property(m => m.Reason).HasMaxLength(2000);
        builder.Property(m => m.LicenceId).HasMaxLength(200);
        builder.Property(m => m.SuspensionReason).HasMaxLength(1000);
        builder.Property(m => m.CalendarVersion).HasMaxLength(64);
        builder.HasIndex(m => new { m.CaseId, m.Code }).IsUnique();
        builder.HasIndex(m => m.TaskId);
    }

    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.MatterCode).HasMaxLength(64);
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.OnBehalfOf).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.HasIndex(e => new { e.CaseId, e.Id });
    }

    public void Configure(EntityTypeBuilder<CaseMaterial> builder)
    {
        builder.ToTable("CaseMaterials");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LicenceId).HasMaxLength(200);
        builder.Property(m => m.LicenceType).HasMaxLength(64);
        builder.Property(m => m.HolderIdNumber).HasMaxLength(18);
        builder.Property(m => m.HolderName).HasMaxLength(200);
        builder.Property(m => m.PullId).HasMaxLength(100);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.Property(m => m.MediaType).HasMaxLength(100);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.HasIndex(m => new { m.CaseId, m.Code });
    }

    public void Configure(EntityTypeBuilder<CaseCorrection> builder)
    {
        builder.ToTable("CaseCorrections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.MatterCode).HasMaxLength(64);
        builder.Property(c => c.Items).HasMaxLength(8000);
        builder.Property(c => c.RequestedBy).HasMaxLength(100);
        builder.Property(c => c.RequestedByName).HasMaxLength(200);
        builder.Property(c => c.SubmittedBy).HasMaxLength(64);
        builder.HasIndex(c => c.CaseId);
        builder.HasIndex(c => c.BookmarkId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LicenceConsent> builder)
    {
        builder.ToTable("LicenceConsents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.GrantorUserId).HasMaxLength(64);
        builder.Property(c => c.GrantorIdNumber).HasMaxLength(18);
        builder.Property(c => c.GrantorName).HasMaxLength(200);
        builder.Property(c => c.GranteeIdNumber).HasMaxLength(18);
        builder.Property(c => c.JourneyCode).HasMaxLength(64);
        builder.Property(c => c.LicenceTypes).HasMaxLength(1000);
        builder.HasIndex(c => c.GrantorUserId);
    }

    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("CaseNumberCounters");
        builder.HasKey(c => new { c.RegionCode, c.Day });
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.Revision).IsConcurrencyToken();
    }
}
