using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Contracts.Notifications;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Workflows;
using OneThing.Workflows.Messaging;

namespace OneThing.FunctionalTests.Messaging;

public sealed class OutboxOverRabbitMqTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Message_saved_with_a_state_change_travels_over_RabbitMQ_and_is_processed_once_even_when_delivered_twice()
    {
        using var duplicates = new DuplicateCounter();
        var bus = Platform.Factory.Services.GetRequiredService<IBus>();
        Assert.Equal("rabbitmq", bus.Address.Scheme);

        var recipient = $"user-{Guid.NewGuid():N}";
        var message = new NotificationRequested(Guid.NewGuid(), recipient, "受理通知", "您的申请已受理。", "371702-20261129-0001");

        // The state change and the message commit in one SaveChanges.
        long outboxId;
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            var queued = db.Publish(message);
            await db.SaveChangesAsync();
            outboxId = queued.Id;
        }

        await Eventually.HoldsAsync(() => DeliveriesAsync(recipient, expected: 1), "the notification is delivered once");
        var row = await OutboxRowAsync(outboxId);
        Assert.NotNull(row.DispatchedAt);

        // A broker redelivery: the same message id arrives again over RabbitMQ.
        await bus.Publish(message, context => context.MessageId = row.MessageId);

        // A crash between sending and marking: the dispatcher sends the row a second time.
        await using (var scope = Platform.CreateScope())
        {
            await Platform.Db(scope).OutboxMessages.Where(m => m.Id == outboxId)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.DispatchedAt, (DateTimeOffset?)null));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(duplicates.Count >= 2), "both repeats reach the consumer's endpoint and are skipped");
        Assert.NotNull((await OutboxRowAsync(outboxId)).DispatchedAt);
        Assert.True(await DeliveriesAsync(recipient, expected: 1));

        await using (var scope = Platform.CreateScope())
        {
            var inbox = await Platform.Db(scope).InboxMessages.Where(m => m.MessageId == row.MessageId).ToListAsync();
            Assert.Single(inbox);
            Assert.Equal("notification-requested", inbox[0].Endpoint);
        }
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_state_change_does_not_commit()
    {
        var recipient = $"user-{Guid.NewGuid():N}";
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Publish(new NotificationRequested(Guid.NewGuid(), recipient, "受理通知", "不会发送", null));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A message that did commit afterwards goes out; the rolled-back one never existed.
        var committed = $"user-{Guid.NewGuid():N}";
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            db.Publish(new NotificationRequested(Guid.NewGuid(), committed, "受理通知", "会发送", null));
            await db.SaveChangesAsync();
        }

        await Eventually.HoldsAsync(() => DeliveriesAsync(committed, expected: 1), "the committed notification is delivered");
        Assert.True(await DeliveriesAsync(recipient, expected: 0));
    }

    [Fact]
    public async Task Two_nodes_dispatching_the_same_outbox_send_every_message_exactly_once()
    {
        using var duplicates = new DuplicateCounter();
        await using var secondNode = new OneThingAppFactory(Platform.Settings());
        _ = secondNode.Server;

        var recipient = $"user-{Guid.NewGuid():N}";
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            for (var i = 0; i < 200; i++)
            {
                db.Publish(new NotificationRequested(Guid.NewGuid(), recipient, $"第 {i} 条", "批量通知", null));
            }

            await db.SaveChangesAsync();
        }

        await Eventually.HoldsAsync(() => DeliveriesAsync(recipient, expected: 200), "all 200 notifications are delivered", TimeSpan.FromSeconds(60));
        await using (var scope = Platform.CreateScope())
        {
            Assert.Equal(0, await Platform.Db(scope).OutboxMessages.CountAsync(m => m.DispatchedAt == null));
        }

        // Neither node sent a row the other had claimed: no delivery was a repeat.
        Assert.Equal(0, duplicates.Count);
    }

    private async Task<bool> DeliveriesAsync(string recipient, int expected)
    {
        await using var scope = Platform.CreateScope();
        return await Platform.Db(scope).Notifications.CountAsync(n => n.RecipientUserId == recipient) == expected;
    }

    private async Task<OutboxMessage> OutboxRowAsync(long id)
    {
        await using var scope = Platform.CreateScope();
        return await Platform.Db(scope).OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>Counts the inbox's "already processed" skips through the metric it reports.</summary>
    private sealed class DuplicateCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DuplicateCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Telemetry.SourceName && instrument.Name == "onething.inbox.duplicates")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
