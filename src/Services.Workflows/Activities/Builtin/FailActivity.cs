namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Faults with a message: an explicit error end, and a way to exercise retries and incidents.</summary>
[Activity(TypeName, Category = "Flow", Description = "Faults with a message (raises an incident).")]
[Input("message", InputKind.Expression, Required = true)]
[Input("when", InputKind.Expression, Description = "Fault only while this holds; otherwise complete")]
public sealed class FailActivity : IActivity
{
    public const string TypeName = "Fail";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(context.Activity.Inputs.ContainsKey("when") && !DecisionActivity.Truthy(context.Input("when"))
            ? ActivityResult.Complete(Outcomes.Done)
            : ActivityResult.Faulted(context.StringInput("message") ?? "Failed."));
}
