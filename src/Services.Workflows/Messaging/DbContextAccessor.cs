using Microsoft.EntityFrameworkCore;

namespace OneThing.Workflows.Messaging;

/// <summary>The scoped application <see cref="DbContext"/> that maps the outbox, inbox and workflow tables (one model, one transaction).</summary>
public sealed class DbContextAccessor(DbContext context)
{
    public DbContext Context { get; } = context;
}
