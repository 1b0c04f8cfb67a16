using OneThing.Workflows.Execution;

namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Waits for a duration on a durable timer (survives restarts; fires once across nodes).</summary>
[Activity(TypeName, Category = "Time", Description = "Waits for a duration (durable timer).", Waits = true)]
[Input("duration", InputKind.Duration, Required = true, Description = "ISO 8601 (PT30M, P2D) or d.hh:mm:ss")]
public sealed class DelayActivity : IActivity
{
    public const string TypeName = "Delay";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = context.StringInput("duration");
        if (!Durations.TryParse(text, out var duration))
        {
            return ValueTask.FromResult(ActivityResult.Faulted($"'{text}' is not a duration."));
        }

        context.ScheduleTimer("timer", context.Now + duration);
        return ValueTask.FromResult(ActivityResult.Wait());
    }
}
