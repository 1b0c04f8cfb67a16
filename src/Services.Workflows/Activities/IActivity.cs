namespace OneThing.Workflows.Activities;

/// <summary>
/// One kind of step. Implementations are small classes with an <see cref="ActivityAttribute"/> and one
/// <see cref="InputAttribute"/> per input; the engine creates them per execution from the container, so
/// they may take services (adapters, clocks) in their constructors.
/// </summary>
public interface IActivity
{
    /// <summary>Runs the activity: complete with outcomes, wait on bookmarks, or fault.</summary>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>
    /// Continues a waiting activity when one of its bookmarks is resumed. The default completes with the
    /// outcome the resumer chose (or <c>Done</c>).
    /// </summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption) =>
        ValueTask.FromResult(ActivityResult.Complete(resumption.Outcome ?? Outcomes.Done));
}

public static class Outcomes
{
    public const string Done = "Done";
}
