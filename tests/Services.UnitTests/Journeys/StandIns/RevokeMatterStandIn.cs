using System.Text.Json.Nodes;
using OneThing.Workflows.Activities;

namespace OneThing.UnitTests.Journeys.StandIns;

/// <summary>Compensation only: revokes what a matter did; the stand-in lists the matters revoked, in order.</summary>
[Activity(TypeName, Category = "Journey")]
[Input("matter", InputKind.String, Required = true)]
public sealed class RevokeMatterStandIn : IActivity
{
    public const string TypeName = "RevokeMatter";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var revoked = context.Variables.TryGetValue("revoked", out var node) && node is JsonArray list ? list : [];
        revoked.Add(context.StringInput("matter"));
        context.Variables["revoked"] = revoked;
        return ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
    }
}
