using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using OneThing.Contracts.Departments;
using OneThing.Host.Auditing;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Persistence;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Cases;

/// <summary>
/// A department's own system decided a matter over the bus: the task is completed with the system as actor
/// (and decider). Only a task of that department is accepted; a task already decided by a clerk is left as it is.
/// </summary>
public sealed class DepartmentDecisionConsumer(AppDbContext db, WorkflowRuntime runtime, AuditTrail trail, ILogger<DepartmentDecisionConsumer> logger)
    : IConsumer<MatterDecided>
{
    public async Task Consume(ConsumeContext<MatterDecided> context)
    {
        var message = context.Message;
        // The department's system is the actor of everything this message causes, and the message itself is an exchange
        // to audit (inside the inbox filter's transaction on a server database).
        var actor = new AuditActor($"system:{message.System}", Identity.Roles.DepartmentSystem, message.CaseNumber);
        using var acting = AuditActor.Use(actor);
        await DecideAsync(context, message);
        var received = trail.Event(AuditActions.MessageReceived, $"message:{context.MessageId}", message.CaseNumber, message.DepartmentCode, actor);
        received.Detail = new JsonObject
        {
            ["messageType"] = nameof(MatterDecided),
            ["messageId"] = context.MessageId?.ToString(),
            ["taskId"] = message.TaskId.ToString(),
            ["outcome"] = message.Outcome,
        }.ToJsonString();
        received.ResponseHash = AuditHash.Of(JsonSerializer.Serialize(message, JsonSerializerOptions.Web));
        AuditTrail.Add(db, received);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task DecideAsync(ConsumeContext<MatterDecided> context, MatterDecided message)
    {
        var task = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == message.TaskId, context.CancellationToken);
        if (task is null || task.CandidateGroup != message.DepartmentCode)
        {
            logger.LogWarning("Decision from {System} for task {TaskId} ignored: no such task of department {Department}.", message.System, message.TaskId, message.DepartmentCode);
            return;
        }

        var outcome = message.Outcome switch
        {
            MatterOutcomes.Approve or MatterOutcomes.Approved => MatterOutcomes.Approve,
            MatterOutcomes.Reject or MatterOutcomes.Rejected => MatterOutcomes.Reject,
            _ => null,
        };
        if (outcome is null)
        {
            logger.LogWarning("Decision from {System} for task {TaskId} ignored: unknown outcome {Outcome}.", message.System, message.TaskId, message.Outcome);
            return;
        }

        var result = await runtime.CompleteTaskAsync(message.TaskId, outcome,
            new JsonObject { ["reason"] = message.Reason, ["actorName"] = message.System }, $"system:{message.System}", context.CancellationToken);
        if (result != TaskCompletionResult.Completed)
        {
            logger.LogInformation("Decision from {System} for task {TaskId} not applied: {Result}.", message.System, message.TaskId, result);
        }
    }
}
