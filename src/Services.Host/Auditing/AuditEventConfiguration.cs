using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Auditing;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(200);
        builder.Property(e => e.ActorRole).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.CaseNumber).HasMaxLength(40);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.EntityType).HasMaxLength(200);
        builder.Property(e => e.EntityKey).HasMaxLength(200);
        builder.Property(e => e.Changes).HasMaxLength(4000);
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.Property(e => e.RequestHash).HasMaxLength(64);
        builder.Property(e => e.ResponseHash).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Ignore(e => e.FromInterceptor);

        // Gaps and duplicates are impossible by construction; the unique index makes a second chainer fail loudly.
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => new { e.CaseNumber, e.OccurredAt });
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
