using System.Text.Json.Nodes;
using OneThing.Workflows.Activities;

namespace OneThing.UnitTests.Journeys.StandIns;

/// <summary>
/// Stand-ins for the domain activities the host registers for the journeys, declared with exactly their
/// contract (type names, inputs, required inputs, outcomes, waiting) so the real validator and runtime can
/// check and run the journey files before the host's activities exist. They decide nothing: an instant
/// rule that holds decides at once, anything else waits on a bookmark for the test to resume with an
/// outcome. What a real activity would record (decisions, issued licences, revocations) goes into
/// variables for the test to read.
/// </summary>
public static class JourneyActivities
{
    /// <summary>The code the stand-in establishment registration assigns (the GB 32100 example of DOMAIN.md).</summary>
    public const string AssignedCreditCode = "91350100M000100Y43";

    /// <summary>The bookmark a waiting acceptance or matter is resumed through.</summary>
    public const string DecisionBookmark = "decision";

    public static ActivityRegistry AddJourneyActivities(this ActivityRegistry registry) => registry
        .Add<AcceptanceStandIn>().Add<MatterStandIn>().Add<CompleteCaseStandIn>().Add<RejectCaseStandIn>().Add<RevokeMatterStandIn>();

    /// <summary>The id of the activity's instant rule when its condition holds; a condition that is not a boolean faults.</summary>
    internal static string? HoldingInstantRule(ActivityContext context)
    {
        if (context.Activity.Inputs["instantRule"] is not JsonObject rule)
        {
            return null;
        }

        var result = context.Evaluate(rule["condition"]);
        if (result is not JsonValue value || !value.TryGetValue<bool>(out var holds))
        {
            throw new InvalidOperationException($"The instant rule of {context.Activity.Id} gave {result?.ToJsonString() ?? "null"}, not true or false.");
        }

        return holds ? rule["id"]!.GetValue<string>() : null;
    }

    /// <summary>Sets <c>variables[variable][key]</c>, creating the object when needed.</summary>
    internal static void Record(ActivityContext context, string variable, string key, JsonNode? value)
    {
        var map = context.Variables.TryGetValue(variable, out var node) && node is JsonObject existing ? existing : [];
        map[key] = value;
        context.Variables[variable] = map;
    }
}
