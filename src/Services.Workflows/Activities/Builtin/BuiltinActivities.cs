namespace OneThing.Workflows.Activities.Builtin;

public static class BuiltinActivities
{
    /// <summary>The activity types every host has.</summary>
    public static ActivityRegistry AddBuiltins(this ActivityRegistry registry) => registry
        .Add<StartActivity>()
        .Add<EndActivity>()
        .Add<ForkActivity>()
        .Add<JoinActivity>()
        .Add<DecisionActivity>()
        .Add<SwitchActivity>()
        .Add<SetVariableActivity>()
        .Add<DelayActivity>()
        .Add<TimerActivity>()
        .Add<HumanTaskActivity>()
        .Add<SubWorkflowActivity>()
        .Add<FailActivity>()
        .Add<TerminateActivity>();
}
