using OneThing.Workflows.Activities;

namespace OneThing.UnitTests.Journeys.StandIns;

/// <summary>Marks the case completed.</summary>
[Activity(TypeName, Category = "Journey")]
public sealed class CompleteCaseStandIn : IActivity
{
    public const string TypeName = "CompleteCase";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Variables["caseStatus"] = "Completed";
        return ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
    }
}
