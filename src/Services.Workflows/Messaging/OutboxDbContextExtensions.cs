using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace OneThing.Workflows.Messaging;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues <paramref name="message"/> to be published when the caller's <c>SaveChanges</c> commits,
    /// together with the state change that caused it. Nothing is sent if the save fails.
    /// </summary>
    public static OutboxMessage Publish<T>(this DbContext db, T message, Guid? correlationId = null)
        where T : class => db.Enqueue(message, destination: null, correlationId);

    /// <summary>Queues a command for one receive endpoint (queue name, e.g. <c>department-police</c>).</summary>
    public static OutboxMessage Send<T>(this DbContext db, T message, string destination, Guid? correlationId = null)
        where T : class => db.Enqueue(message, destination, correlationId);

    /// <summary>Queues a message of its runtime type: published when <paramref name="destination"/> is null, else sent there.</summary>
    public static OutboxMessage Enqueue(this DbContext db, object message, string? destination, Guid? correlationId)
    {
        var type = message.GetType();
        var row = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = type.FullName!,
            Body = JsonSerializer.Serialize(message, type, OutboxMessageTypes.Json),
            Destination = destination,
            CorrelationId = correlationId,
            CreatedAt = db.Clock().GetUtcNow(),
        };
        db.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>The application's clock (a test's fake one included), else the system clock.</summary>
    internal static TimeProvider Clock(this DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<TimeProvider>() ?? TimeProvider.System;
}
