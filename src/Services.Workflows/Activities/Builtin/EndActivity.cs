namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Ends its branch. The instance completes when no branch is running or waiting.</summary>
[Activity(TypeName, Category = "Flow", Description = "Ends this branch; the instance completes when nothing runs or waits.", Outcomes = [])]
[Input("output", InputKind.Expression, Description = "The instance's output object (a parent workflow receives it)")]
public sealed class EndActivity : IActivity
{
    public const string TypeName = "End";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Activity.Inputs.ContainsKey("output"))
        {
            context.State.Output = context.Input("output") as System.Text.Json.Nodes.JsonObject;
        }

        return ValueTask.FromResult(ActivityResult.Complete());
    }
}
