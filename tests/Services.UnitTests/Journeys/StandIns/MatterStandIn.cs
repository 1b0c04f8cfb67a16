using System.Text.Json.Nodes;
using OneThing.Workflows.Activities;

namespace OneThing.UnitTests.Journeys.StandIns;

/// <summary>One department's matter (事项): decided by its instant rule or by the resumer.</summary>
[Activity(TypeName, Category = "Journey", Outcomes = [Approved, Rejected], Waits = true)]
[Input("matter", InputKind.String, Required = true)]
[Input("name", InputKind.String, Required = true)]
[Input("nameEn", InputKind.String, Required = true)]
[Input("department", InputKind.String, Required = true)]
[Input("promisedDays", InputKind.Number, Required = true)]
[Input("statutoryDays", InputKind.Number, Required = true)]
[Input("instantRule", InputKind.Object)]
[Input("produces", InputKind.Object)]
[Input("assignCreditCode", InputKind.Boolean)]
public sealed class MatterStandIn : IActivity
{
    public const string TypeName = "Matter";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (JourneyActivities.HoldingInstantRule(context) is { } rule)
        {
            return ValueTask.FromResult(Decide(context, Approved, rule));
        }

        context.CreateBookmark(JourneyActivities.DecisionBookmark);
        return ValueTask.FromResult(ActivityResult.Wait());
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption) =>
        ValueTask.FromResult(Decide(context, resumption.Outcome ?? Rejected, resumption.Actor));

    private static ActivityResult Decide(ActivityContext context, string outcome, string decider)
    {
        var matter = context.StringInput("matter")!;
        if (outcome == Approved)
        {
            if (context.Input("assignCreditCode") is JsonValue assign && assign.GetValue<bool>())
            {
                context.Variables["creditCode"] = JourneyActivities.AssignedCreditCode;
            }

            // Evaluated after the code is assigned: the business licence is held by the new code.
            if (context.Input("produces") is JsonObject licence)
            {
                JourneyActivities.Record(context, "issued", matter, licence);
            }
        }

        JourneyActivities.Record(context, "matters", matter, new JsonObject { ["outcome"] = outcome, ["decider"] = decider, ["licenceId"] = null });
        return ActivityResult.Complete(outcome);
    }
}
