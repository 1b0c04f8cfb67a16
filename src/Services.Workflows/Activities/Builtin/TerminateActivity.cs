namespace OneThing.Workflows.Activities.Builtin;

/// <summary>
/// Ends the whole instance at once: every other waiting activity, queued token and join is cancelled,
/// nothing is compensated (what completed stays done), and the instance completes.
/// </summary>
[Activity(TypeName, Category = "Flow", Description = "Ends the whole instance now; other branches are cancelled without compensation.", Outcomes = [])]
[Input("reason", InputKind.Expression, Description = "Why, for the journal")]
[Input("output", InputKind.Expression, Description = "The instance's output object")]
public sealed class TerminateActivity : IActivity
{
    public const string TypeName = "Terminate";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Activity.Inputs.ContainsKey("output"))
        {
            context.State.Output = context.Input("output") as System.Text.Json.Nodes.JsonObject;
        }

        return ValueTask.FromResult(ActivityResult.Terminate(context.StringInput("reason") ?? "terminated"));
    }
}
