using System.Text.Json.Nodes;
using OneThing.Workflows.Execution;

namespace OneThing.Workflows.Activities.Builtin;

/// <summary>
/// Work for a person: records a task (candidates, optional assignee, due instant, priority, allowed
/// outcomes, data) and waits. Completing the task resumes it with the chosen outcome. Before the due
/// instant a <c>Reminder</c> branch may fire, at it an <c>Escalated</c> branch — both from durable timers,
/// while the task stays open.
/// </summary>
[Activity(TypeName, Category = "People", Description = "A task for a person; waits for its outcome.",
    Outcomes = [ReminderOutcome, EscalatedOutcome], OutcomesFromInput = "outcomes", Waits = true)]
[Input("title", InputKind.Expression, Required = true)]
[Input("outcomes", InputKind.StringList, Required = true, Description = "What the person may decide, e.g. [\"Approve\",\"Reject\"]")]
[Input("role", InputKind.String, Description = "Candidate role")]
[Input("group", InputKind.Expression, Description = "Candidate group, e.g. a department code")]
[Input("assignee", InputKind.Expression, Description = "A user id, if one person is meant")]
[Input("due", InputKind.Instant, Description = "Duration from now or an instant")]
[Input("remindBefore", InputKind.Duration, Description = "Fire Reminder this long before the due instant")]
[Input("priority", InputKind.Number)]
[Input("data", InputKind.Expression, Description = "What the person needs to decide")]
[Input("resultVariable", InputKind.String, Description = "Variable that receives { outcome, actor, data }")]
public sealed class HumanTaskActivity : IActivity
{
    public const string TypeName = "HumanTask";
    public const string TaskBookmark = "task";
    public const string ReminderBookmark = "reminder";
    public const string EscalationBookmark = "escalation";
    public const string ReminderOutcome = "Reminder";
    public const string EscalatedOutcome = "Escalated";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var outcomes = context.Input<List<string>>("outcomes") ?? [];
        if (outcomes.Count == 0)
        {
            return ValueTask.FromResult(ActivityResult.Faulted("A human task needs at least one outcome."));
        }

        var due = Durations.ToInstant(context.Input("due"), context.Now);
        var bookmark = context.CreateBookmark(TaskBookmark);
        context.CreateTask(new HumanTaskCreated(
            bookmark,
            context.Activity.Id,
            context.StringInput("title") ?? context.Activity.Name ?? context.Activity.Id,
            context.StringInput("role"),
            context.StringInput("group"),
            context.StringInput("assignee"),
            due,
            context.Input<int?>("priority") ?? 0,
            outcomes,
            context.Input("data") as JsonObject));

        if (due is { } dueAt)
        {
            if (Durations.TryParse(context.StringInput("remindBefore"), out var before) && dueAt - before > context.Now)
            {
                context.ScheduleTimer(ReminderBookmark, dueAt - before);
            }

            context.ScheduleTimer(EscalationBookmark, dueAt);
        }

        return ValueTask.FromResult(ActivityResult.Wait());
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption)
    {
        switch (resumption.BookmarkName)
        {
            case ReminderBookmark when context.BookmarkIdOf(TaskBookmark) is { } task:
                context.ChangeTask(new HumanTaskChanged(task, HumanTaskChange.Reminded, null, resumption.Actor, null));
                return ValueTask.FromResult(ActivityResult.WaitAndFollow(ReminderOutcome));

            case EscalationBookmark when context.BookmarkIdOf(TaskBookmark) is { } task:
                context.ChangeTask(new HumanTaskChanged(task, HumanTaskChange.Escalated, null, resumption.Actor, null));
                return ValueTask.FromResult(ActivityResult.WaitAndFollow(EscalatedOutcome));

            case ReminderBookmark or EscalationBookmark:
                return ValueTask.FromResult(ActivityResult.Wait());
        }

        var allowed = context.Input<List<string>>("outcomes") ?? [];
        if (resumption.Outcome is not { } outcome || !allowed.Contains(outcome))
        {
            return ValueTask.FromResult(ActivityResult.Faulted($"'{resumption.Outcome}' is not an outcome of this task ({string.Join(", ", allowed)})."));
        }

        if (context.StringInput("resultVariable") is { Length: > 0 } variable)
        {
            context.Variables[variable] = new JsonObject
            {
                ["outcome"] = outcome,
                ["actor"] = resumption.Actor,
                ["data"] = resumption.Data?.DeepClone(),
            };
        }

        return ValueTask.FromResult(ActivityResult.Complete(outcome));
    }
}
