using OneThing.Workflows.Execution;

namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Waits until an instant (e.g. a deadline computed by an expression) on a durable timer.</summary>
[Activity(TypeName, Category = "Time", Description = "Waits until an instant (durable timer).", Waits = true)]
[Input("at", InputKind.Instant, Required = true, Description = "ISO 8601 date-time, or a duration from now")]
public sealed class TimerActivity : IActivity
{
    public const string TypeName = "Timer";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var at = Durations.ToInstant(context.Input("at"), context.Now)
            ?? throw new InvalidOperationException("Timer needs 'at'.");
        context.ScheduleTimer("timer", at);
        return ValueTask.FromResult(ActivityResult.Wait());
    }
}
