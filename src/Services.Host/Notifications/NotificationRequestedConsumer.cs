using MassTransit;
using OneThing.Contracts.Notifications;
using OneThing.Host.Persistence;

namespace OneThing.Host.Notifications;

/// <summary>
/// Puts a requested notification into the recipient's inbox. Deliberately not idempotent on its own:
/// each run adds a row, so it relies on the inbox filter to run once per message.
/// </summary>
public sealed class NotificationRequestedConsumer(AppDbContext db, TimeProvider time) : IConsumer<NotificationRequested>
{
    public async Task Consume(ConsumeContext<NotificationRequested> context)
    {
        var message = context.Message;
        db.Notifications.Add(new NotificationDelivery
        {
            Id = Guid.CreateVersion7(),
            NotificationId = message.NotificationId,
            RecipientUserId = message.RecipientUserId,
            Title = message.Title,
            Body = message.Body,
            CaseNumber = message.CaseNumber,
            DeliveredAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
