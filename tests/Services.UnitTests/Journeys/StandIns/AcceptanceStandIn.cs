using OneThing.Workflows.Activities;

namespace OneThing.UnitTests.Journeys.StandIns;

/// <summary>受理: accepts at once when its instant rule holds, otherwise waits for a clerk.</summary>
[Activity(TypeName, Category = "Journey", Outcomes = ["Accepted", "Rejected"], Waits = true)]
[Input("department", InputKind.String)]
[Input("promisedDays", InputKind.Number, Required = true)]
[Input("instantRule", InputKind.Object)]
public sealed class AcceptanceStandIn : IActivity
{
    public const string TypeName = "Acceptance";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (JourneyActivities.HoldingInstantRule(context) is { } rule)
        {
            context.Variables["acceptedBy"] = rule;
            return ValueTask.FromResult(ActivityResult.Complete("Accepted"));
        }

        context.CreateBookmark(JourneyActivities.DecisionBookmark);
        return ValueTask.FromResult(ActivityResult.Wait());
    }
}
