using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using OneThing.Contracts.Departments;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Persistence;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Cases;

/// <summary>
/// A department's own system decided a matter over the bus: the task is completed with the system as actor
/// (and decider). Only a task of that department is accepted; a task already decided by a clerk is left as it is.
/// </summary>
public sealed class DepartmentDecisionConsumer(AppDbContext db, WorkflowRuntime runtime, ILogger<DepartmentDecisionConsumer> logger) : IConsumer<MatterDecided>
{
    public async Task Consume(ConsumeContext<MatterDecided> context)
    {
        var message = context.Message;
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
