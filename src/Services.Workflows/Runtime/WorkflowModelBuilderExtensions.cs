using Microsoft.EntityFrameworkCore;

namespace OneThing.Workflows.Runtime;

public static class WorkflowModelBuilderExtensions
{
    /// <summary>
    /// Maps the runtime's tables (definitions, instances, bookmarks, timers, tasks, journal, incidents, dead letters);
    /// the columns that may carry personal data go through <paramref name="protector"/> (none: stored as they are).
    /// </summary>
    public static ModelBuilder AddWorkflowRuntime(this ModelBuilder builder, IPayloadProtector? protector = null)
    {
        builder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(d => d.Id);
            e.Property(d => d.DefinitionId).HasMaxLength(64);
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.CreatedBy).HasMaxLength(64);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
            e.HasIndex(d => new { d.DefinitionId, d.Status });
        });

        builder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(i => i.Id);
            e.Property(i => i.DefinitionId).HasMaxLength(64);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.CorrelationId).HasMaxLength(64);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.Property(i => i.State).Protect(protector);
            e.HasIndex(i => new { i.Status, i.DefinitionId });
            e.HasIndex(i => i.CorrelationId);
            e.HasIndex(i => i.ParentBookmarkId);
        });

        builder.Entity<WorkflowBookmark>(e =>
        {
            e.ToTable("WorkflowBookmarks");
            e.HasKey(b => b.Id);
            e.Property(b => b.ExecutionId).HasMaxLength(32);
            e.Property(b => b.ActivityId).HasMaxLength(64);
            e.Property(b => b.Name).HasMaxLength(64);
            e.Property(b => b.Closure).HasMaxLength(16);
            e.HasIndex(b => b.InstanceId);
        });

        builder.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("WorkflowTimers");
            e.HasKey(t => t.BookmarkId);
            e.Property(t => t.LockedBy).HasMaxLength(64);
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => t.InstanceId);
        });

        builder.Entity<WorkflowTask>(e =>
        {
            e.ToTable("WorkflowTasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.ActivityId).HasMaxLength(64);
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.CandidateRole).HasMaxLength(64);
            e.Property(t => t.CandidateGroup).HasMaxLength(64);
            e.Property(t => t.Assignee).HasMaxLength(64);
            e.Property(t => t.Outcome).HasMaxLength(64);
            e.Property(t => t.CompletedBy).HasMaxLength(64);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Revision).IsConcurrencyToken();
            e.Property(t => t.Data).Protect(protector);
            e.Property(t => t.Result).Protect(protector);
            e.HasIndex(t => new { t.Status, t.CandidateGroup, t.CandidateRole });
            e.HasIndex(t => t.InstanceId);
        });

        builder.Entity<WorkflowJournalEntry>(e =>
        {
            e.ToTable("WorkflowJournal");
            e.HasKey(j => j.Id);
            e.Property(j => j.Event).HasMaxLength(32);
            e.Property(j => j.ActivityId).HasMaxLength(64);
            e.Property(j => j.ActivityType).HasMaxLength(64);
            e.Property(j => j.ExecutionId).HasMaxLength(32);
            e.Property(j => j.Actor).HasMaxLength(64);
            e.Property(j => j.Outcome).HasMaxLength(128);
            // Summaries are cut to 500 characters before they are stored; encrypted, they need room to grow.
            e.Property(j => j.Summary).HasMaxLength(protector is null or PassThroughPayloadProtector ? 500 : 4000);
            e.Property(j => j.Summary).Protect(protector);
            e.HasIndex(j => new { j.InstanceId, j.Id });
        });

        builder.Entity<WorkflowIncident>(e =>
        {
            e.ToTable("WorkflowIncidents");
            e.HasKey(i => i.Id);
            e.Property(i => i.ExecutionId).HasMaxLength(32);
            e.Property(i => i.ActivityId).HasMaxLength(64);
            e.Property(i => i.Message).HasMaxLength(protector is null or PassThroughPayloadProtector ? 2000 : 12000);
            e.Property(i => i.Message).Protect(protector);
            e.Property(i => i.ResolvedBy).HasMaxLength(64);
            e.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
        });

        builder.Entity<WorkflowDeadLetter>(e =>
        {
            e.ToTable("WorkflowDeadLetters");
            e.HasKey(d => d.Id);
            e.Property(d => d.Outcome).HasMaxLength(64);
            e.Property(d => d.Actor).HasMaxLength(64);
            e.Property(d => d.Reason).HasMaxLength(2000);
            e.Property(d => d.Data).Protect(protector);
            e.HasIndex(d => d.CreatedAt);
        });

        return builder;
    }

    /// <summary>
    /// At most one published version per definition, enforced by the database (a unique index filtered on
    /// the status), so two administrators publishing at once cannot both succeed. The filter is SQL, so each
    /// provider's context passes its own spelling.
    /// </summary>
    public static ModelBuilder OnePublishedVersionPerDefinition(this ModelBuilder builder, string statusColumn) =>
        builder.Entity<WorkflowDefinitionRecord>(e => e.HasIndex(d => d.DefinitionId)
            .IsUnique()
            .HasFilter($"{statusColumn} = 'Published'")
            .HasDatabaseName("IX_WorkflowDefinitions_OnePublished"));
}
