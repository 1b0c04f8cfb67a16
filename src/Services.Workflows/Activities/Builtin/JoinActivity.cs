namespace OneThing.Workflows.Activities.Builtin;

/// <summary>
/// Merges the branches of a fork. <c>WaitAll</c> continues once a token arrived on every incoming
/// connection; <c>WaitAny</c> continues with the first and cancels (and compensates) the other branches.
/// The engine handles joins itself; this class only describes the type.
/// </summary>
[Activity(TypeName, Category = "Flow", Description = "Merges parallel branches: WaitAll or WaitAny (others cancelled).")]
[Input("mode", InputKind.String, Description = "WaitAll (default) or WaitAny")]
public sealed class JoinActivity : IActivity
{
    public const string TypeName = "Join";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException("Joins are handled by the engine.");
}
