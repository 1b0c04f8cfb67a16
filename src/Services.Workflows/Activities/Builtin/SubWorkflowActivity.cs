using System.Text.Json.Nodes;
using OneThing.Workflows.Execution;

namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Starts an instance of another (published) definition and waits until it completes.</summary>
[Activity(TypeName, Category = "Flow", Description = "Runs another workflow and waits for it.", Waits = true)]
[Input("definitionId", InputKind.String, Required = true)]
[Input("input", InputKind.Expression, Description = "The child's input object")]
[Input("outputVariable", InputKind.String, Description = "Variable that receives the child's output")]
public sealed class SubWorkflowActivity : IActivity
{
    public const string TypeName = "SubWorkflow";
    public const string ChildBookmark = "child";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var definitionId = context.StringInput("definitionId") ?? throw new InvalidOperationException("SubWorkflow needs 'definitionId'.");
        var bookmark = context.CreateBookmark(ChildBookmark);
        // The child's id derives from the bookmark: a repeated run asks for the same child, never a second one.
        context.StartChild(new ChildWorkflowRequested(bookmark, definitionId, bookmark, context.Input("input") as JsonObject));
        return ValueTask.FromResult(ActivityResult.Wait());
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption)
    {
        if (context.StringInput("outputVariable") is { Length: > 0 } variable)
        {
            context.Variables[variable] = resumption.Data?.DeepClone();
        }

        return ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
    }
}
