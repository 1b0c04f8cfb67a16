using MassTransit;
using Microsoft.EntityFrameworkCore;
using OneThing.Contracts.Notifications;
using OneThing.Host.Persistence;
using OneThing.Integrations.Sms;

namespace OneThing.Host.Notifications;

/// <summary>
/// Delivers a requested notification: a text message to the recipient's phone through the SMS adapter
/// (sent once per notification id, so a redelivery does not text twice) and a row in their in-app inbox.
/// The inbox row relies on the inbox filter to be written once per message.
/// </summary>
public sealed class NotificationRequestedConsumer(AppDbContext db, ISmsSender sms, TimeProvider time) : IConsumer<NotificationRequested>
{
    public const string SmsSignature = "【菏泽一件事】";

    public async Task Consume(ConsumeContext<NotificationRequested> context)
    {
        var message = context.Message;
        var phone = await db.Users.AsNoTracking().Where(u => u.Id == message.RecipientUserId && u.PhoneNumberConfirmed)
            .Select(u => u.PhoneNumber).SingleOrDefaultAsync(context.CancellationToken);
        if (!string.IsNullOrEmpty(phone))
        {
            await sms.SendAsync(phone, $"{SmsSignature}{message.Title}：{message.Body}", $"notification/{message.NotificationId:N}", context.CancellationToken);
        }

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
