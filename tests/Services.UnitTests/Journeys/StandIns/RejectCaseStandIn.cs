using OneThing.Workflows.Activities;

namespace OneThing.UnitTests.Journeys.StandIns;

/// <summary>Ends the whole case as rejected.</summary>
[Activity(TypeName, Category = "Journey", Outcomes = [])]
[Input("reason", InputKind.Expression)]
public sealed class RejectCaseStandIn : IActivity
{
    public const string TypeName = "RejectCase";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var reason = context.StringInput("reason") ?? string.Empty;
        context.Variables["caseStatus"] = "Rejected";
        context.Variables["rejectReason"] = reason;
        return ValueTask.FromResult(ActivityResult.Terminate(reason));
    }
}
