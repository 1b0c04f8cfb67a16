using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Notifications;

/// <summary>A notification as delivered to a person's in-app inbox (站内信).</summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }

    /// <summary>The sender's id for this notification (several deliveries could share it, one per channel).</summary>
    public Guid NotificationId { get; set; }

    public required string RecipientUserId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? CaseNumber { get; set; }

    public DateTimeOffset DeliveredAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientUserId).HasMaxLength(64);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.CaseNumber).HasMaxLength(40);
        builder.HasIndex(n => new { n.RecipientUserId, n.DeliveredAt });
        builder.HasIndex(n => n.NotificationId);
    }
}
