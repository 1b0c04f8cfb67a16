namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Starts one branch per outgoing connection; the branches run in parallel until a <c>Join</c>.</summary>
[Activity(TypeName, Category = "Flow", Description = "Splits into parallel branches, one per outgoing connection.")]
public sealed class ForkActivity : IActivity
{
    public const string TypeName = "Fork";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
}
