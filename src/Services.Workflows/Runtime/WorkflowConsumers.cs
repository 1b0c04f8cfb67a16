using MassTransit;
using Microsoft.EntityFrameworkCore;
using OneThing.Workflows.Messages;
using OneThing.Workflows.Messaging;

namespace OneThing.Workflows.Runtime;

/// <summary>Resumes a bookmark from the bus; a bookmark that does not exist yet is retried, then dead-lettered.</summary>
public sealed class ResumeBookmarkConsumer(WorkflowRuntime runtime) : IConsumer<ResumeBookmark>
{
    public async Task Consume(ConsumeContext<ResumeBookmark> context)
    {
        var message = context.Message;
        var result = await runtime.ResumeAsync(message.BookmarkId, message.Outcome, message.Data, message.Actor, context.CancellationToken);
        switch (result)
        {
            case ResumeResult.NotFound:
                // Maybe the run that creates it has not committed yet: fail, so the endpoint's retry policy tries again.
                throw new BookmarkNotFoundException(message.BookmarkId);
            case ResumeResult.Rejected:
                throw new InvalidOperationException($"'{message.Outcome}' is not an outcome the task behind bookmark {message.BookmarkId} allows.");
        }
    }
}

public sealed class StartWorkflowInstanceConsumer(WorkflowRuntime runtime) : IConsumer<StartWorkflowInstance>
{
    public Task Consume(ConsumeContext<StartWorkflowInstance> context) =>
        runtime.StartPendingAsync(context.Message.InstanceId, context.CancellationToken);
}

public sealed class CancelWorkflowInstanceConsumer(WorkflowRuntime runtime) : IConsumer<CancelWorkflowInstance>
{
    public Task Consume(ConsumeContext<CancelWorkflowInstance> context) =>
        runtime.CancelAsync(context.Message.InstanceId, context.Message.Reason, context.Message.Actor, context.CancellationToken);
}

/// <summary>
/// A resume that failed all its retries lands here (MassTransit publishes <see cref="Fault{T}"/>): it is
/// kept as a dead letter that an administrator can list and replay.
/// </summary>
public sealed class ResumeBookmarkFaultConsumer(DbContextAccessor accessor, TimeProvider time) : IConsumer<Fault<ResumeBookmark>>
{
    public async Task Consume(ConsumeContext<Fault<ResumeBookmark>> context)
    {
        var resume = context.Message.Message;
        var db = accessor.Context;
        db.Set<WorkflowDeadLetter>().Add(new WorkflowDeadLetter
        {
            Id = context.Message.FaultId,
            BookmarkId = resume.BookmarkId,
            Outcome = resume.Outcome,
            Data = resume.Data?.ToJsonString(),
            Actor = resume.Actor,
            Reason = string.Join("; ", context.Message.Exceptions.Select(e => e.Message)).Truncate(2000),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class BookmarkNotFoundException(Guid bookmarkId) : Exception($"Bookmark {bookmarkId} does not exist (yet).")
{
    public Guid BookmarkId { get; } = bookmarkId;
}

internal static class StringExtensions
{
    public static string Truncate(this string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Dead letters for the admin API: list, and replay (queues the resume again).</summary>
public sealed class DeadLetters(DbContextAccessor accessor, TimeProvider time)
{
    public Task<List<WorkflowDeadLetter>> ListAsync(bool includeReplayed, CancellationToken cancellationToken = default) =>
        accessor.Context.Set<WorkflowDeadLetter>()
            .Where(d => includeReplayed || d.ReplayedAt == null)
            .OrderByDescending(d => d.CreatedAt)
            .Take(500)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var db = accessor.Context;
        var letter = await db.Set<WorkflowDeadLetter>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (letter is null || letter.ReplayedAt is not null)
        {
            return false;
        }

        letter.ReplayedAt = time.GetUtcNow();
        db.Publish(new ResumeBookmark(letter.BookmarkId, letter.Outcome,
            letter.Data is null ? null : System.Text.Json.Nodes.JsonNode.Parse(letter.Data) as System.Text.Json.Nodes.JsonObject, letter.Actor));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
