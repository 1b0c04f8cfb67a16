using Microsoft.EntityFrameworkCore;
using OneThing.Workflows.Runtime;

namespace OneThing.Workflows.Messaging;

public static class OutboxModelBuilderExtensions
{
    /// <summary>
    /// Maps the outbox and inbox tables into the application's model; message bodies (and the errors that may
    /// quote them) go through <paramref name="protector"/> (none: stored as they are). The inbox keeps no bodies.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder builder, IPayloadProtector? protector = null)
    {
        builder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(256);
            outbox.Property(m => m.Destination).HasMaxLength(256);
            outbox.Property(m => m.LockedBy).HasMaxLength(64);
            outbox.Property(m => m.LastError).HasMaxLength(protector is null or PassThroughPayloadProtector ? 2000 : 12000);
            outbox.Property(m => m.Body).Protect(protector);
            outbox.Property(m => m.LastError).Protect(protector);
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
