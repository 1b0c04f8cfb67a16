using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneThing.Host.Cases.Model;

namespace OneThing.Host.Cases.Evaluations;

internal sealed class EvaluationConfigurations : IEntityTypeConfiguration<Evaluation>, IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.ToTable("Evaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CaseNumber).HasMaxLength(21);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Overall).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Levels).HasMaxLength(1000);
        builder.Property(e => e.Matters).HasMaxLength(8000);
        builder.Property(e => e.LeadDepartment).HasMaxLength(32);
        builder.Property(e => e.ApplicantIdNumber).HasMaxLength(18);
        builder.Property(e => e.ApplicantName).HasMaxLength(200);
        builder.Property(e => e.AgentUserId).HasMaxLength(64);
        builder.Property(e => e.AgentName).HasMaxLength(200);
        builder.Property(e => e.AgentRole).HasMaxLength(16);
        builder.Property(e => e.SubmittedBy).HasMaxLength(64);
        builder.Property(e => e.SubmittedByName).HasMaxLength(200);
        builder.Property(e => e.Comment).HasMaxLength(EvaluationRequestCheck.MaxComment);

        // Once per case, and one follow-up: a concurrent second rating fails on this index.
        builder.HasIndex(e => new { e.CaseId, e.Kind }).IsUnique();
        builder.HasIndex(e => e.At);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Rectification> builder)
    {
        builder.ToTable("Rectifications");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CaseNumber).HasMaxLength(21);
        builder.Property(r => r.DepartmentCode).HasMaxLength(32);
        builder.Property(r => r.MatterCodes).HasMaxLength(2000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CalendarVersion).HasMaxLength(64);
        builder.Property(r => r.CalledBackBy).HasMaxLength(64);
        builder.Property(r => r.CalledBackByName).HasMaxLength(200);
        builder.Property(r => r.CallBackNote).HasMaxLength(Rectification.MaxNote);
        builder.Property(r => r.FixedBy).HasMaxLength(64);
        builder.Property(r => r.FixedByName).HasMaxLength(200);
        builder.Property(r => r.FixNote).HasMaxLength(Rectification.MaxNote);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.HasIndex(r => new { r.EvaluationId, r.DepartmentCode }).IsUnique();
        builder.HasIndex(r => new { r.DepartmentCode, r.Status, r.FixDueAt });
        builder.HasIndex(r => r.CaseId);
        builder.HasOne<Evaluation>().WithMany().HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
