namespace OneThing.Workflows.Activities.Builtin;

[Activity(TypeName, Category = "Flow", Description = "Follows True or False by a condition.", Outcomes = ["True", "False"])]
[Input("condition", InputKind.Expression, Required = true, Description = "JavaScript, e.g. variables.amount > 1000")]
public sealed class DecisionActivity : IActivity
{
    public const string TypeName = "Decision";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete(Truthy(context.Input("condition")) ? "True" : "False"));

    public static bool Truthy(System.Text.Json.Nodes.JsonNode? value) => value switch
    {
        null => false,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<bool>(out var b) => b,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<double>(out var d) => d != 0 && !double.IsNaN(d),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
