using Microsoft.EntityFrameworkCore;

namespace OneThing.Workflows.Messaging;

/// <summary>The scoped application <see cref="DbContext"/> that holds the outbox and inbox tables.</summary>
public sealed class OutboxContextAccessor(DbContext context)
{
    public DbContext Context { get; } = context;
}
