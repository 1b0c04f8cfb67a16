namespace OneThing.Workflows.Activities.Builtin;

[Activity(TypeName, Category = "Data", Description = "Sets a workflow variable to a value or an expression's result.")]
[Input("variable", InputKind.String, Required = true)]
[Input("value", InputKind.Expression, Required = true)]
public sealed class SetVariableActivity : IActivity
{
    public const string TypeName = "SetVariable";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.StringInput("variable") ?? throw new InvalidOperationException("SetVariable needs 'variable'.");
        context.Variables[name] = context.Input("value");
        return ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
    }
}
