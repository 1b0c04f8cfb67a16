using System.Text.Json.Nodes;

namespace OneThing.Workflows.Activities.Builtin;

/// <summary>Follows the first case whose condition holds, else <c>Default</c>.</summary>
[Activity(TypeName, Category = "Flow", Description = "Follows the first matching case, else Default.", Outcomes = ["Default"], OutcomesFromInput = "cases")]
[Input("cases", InputKind.Cases, Required = true, Description = "[{ name, condition }] in order")]
public sealed class SwitchActivity : IActivity
{
    public const string TypeName = "Switch";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var cases = context.Activity.Inputs["cases"] as JsonArray ?? [];
        foreach (var item in cases.OfType<JsonObject>())
        {
            var name = item["name"]?.GetValue<string>();
            if (name is not null && DecisionActivity.Truthy(context.Evaluate(item["condition"])))
            {
                return ValueTask.FromResult(ActivityResult.Complete(name));
            }
        }

        return ValueTask.FromResult(ActivityResult.Complete("Default"));
    }
}
