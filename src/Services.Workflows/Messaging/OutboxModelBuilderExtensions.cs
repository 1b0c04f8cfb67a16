using Microsoft.EntityFrameworkCore;

namespace OneThing.Workflows.Messaging;

public static class OutboxModelBuilderExtensions
{
    /// <summary>Maps the outbox and inbox tables into the application's model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(256);
            outbox.Property(m => m.Destination).HasMaxLength(256);
            outbox.Property(m => m.LockedBy).HasMaxLength(64);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.HasIndex(m => new { m.DispatchedAt, m.Id });
        });

        builder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.MessageId, m.Endpoint });
            inbox.Property(m => m.Endpoint).HasMaxLength(256);
            inbox.Property(m => m.MessageType).HasMaxLength(256);
            inbox.HasIndex(m => m.ProcessedAt);
        });

        return builder;
    }
}
