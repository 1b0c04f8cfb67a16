namespace OneThing.Workflows.Activities.Builtin;

[Activity(TypeName, Category = "Flow", Description = "Where every instance begins. Exactly one per workflow.")]
public sealed class StartActivity : IActivity
{
    public const string TypeName = "Start";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
}
