using System.Text.Json;
using System.Text.Json.Nodes;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Cases.Model;
using OneThing.Workflows.Definitions;

namespace OneThing.Host.Cases.Journeys;

/// <summary>
/// A one-matter journey as applicants and clerks see it, read from the metadata and the domain
/// activities of one published workflow version: the one notice (一次告知), the form, the materials,
/// and the matters with their departments, limits and dependencies.
/// </summary>
public sealed record Journey(
    string Code,
    int Version,
    string Name,
    string NameEn,
    string? Summary,
    string? SummaryEn,
    string LeadDepartment,
    int PromisedDays,
    int StatutoryDays,
    SubjectKind ApplicantKind,
    IReadOnlyList<string> Notes,
    string? Excluded,
    JsonObject Form,
    IReadOnlyList<JourneyMaterial> Materials,
    IReadOnlyList<PrefillRule> Prefill,
    IReadOnlyList<JourneyMatter> Matters)
{
    /// <summary>For organisation journeys: the form field with the organisation's credit code (<c>journey.subject.idNumber</c>).</summary>
    public string SubjectIdPointer { get; init; } = "/employer/creditCode";

    /// <summary>For organisation journeys: the form field with the organisation's name.</summary>
    public string SubjectNamePointer { get; init; } = "/employer/name";

    /// <summary>The form schema compiled once for this version (a bad schema fails when the journey is read).</summary>
    public required JourneyForm CompiledForm { get; init; }

    public const string AcceptanceType = "Acceptance";
    public const string MatterType = "Matter";

    public static bool IsJourney(WorkflowDefinition definition) => definition.Metadata?["journey"] is JsonObject;

    /// <summary>Reads a journey from a definition; a definition without journey metadata is not one.</summary>
    public static Journey From(WorkflowDefinition definition)
    {
        var metadata = definition.Metadata ?? throw new InvalidOperationException($"Workflow '{definition.Id}' has no metadata.");
        var info = metadata["journey"]?.AsObject() ?? throw new InvalidOperationException($"Workflow '{definition.Id}' has no metadata.journey.");
        var options = JsonSerializerOptions.Web;
        return new Journey(
            definition.Id,
            definition.Version,
            Text(info, "name") ?? definition.Name,
            Text(info, "nameEn") ?? definition.Name,
            Text(info, "summary"),
            Text(info, "summaryEn"),
            Text(info, "leadDepartment") ?? "service-center",
            info["promisedDays"]?.GetValue<int>() ?? 0,
            info["statutoryDays"]?.GetValue<int>() ?? 0,
            string.Equals(Text(info, "applicantKind"), "organisation", StringComparison.OrdinalIgnoreCase) ? SubjectKind.Organisation : SubjectKind.Person,
            info["notes"]?.Deserialize<List<string>>(options) ?? [],
            Text(info, "excluded"),
            metadata["form"]?.AsObject() ?? new JsonObject { ["type"] = "object" },
            metadata["materials"]?.Deserialize<List<JourneyMaterial>>(options) ?? [],
            metadata["prefill"]?.Deserialize<List<PrefillRule>>(options) ?? [],
            MattersOf(definition))
        {
            SubjectIdPointer = info["subject"]?["idNumber"]?.GetValue<string>() ?? "/employer/creditCode",
            SubjectNamePointer = info["subject"]?["name"]?.GetValue<string>() ?? "/employer/name",
            CompiledForm = JourneyForm.Compile(definition.Id, metadata["form"] ?? new JsonObject { ["type"] = "object" }),
        };
    }

    public JourneyMatter? Matter(string code) => Matters.FirstOrDefault(m => m.Code == code);

    /// <summary>The Acceptance and Matter activities in flow order, each with the matters it directly depends on.</summary>
    private static List<JourneyMatter> MattersOf(WorkflowDefinition definition)
    {
        var byId = definition.Activities.ToDictionary(a => a.Id);
        var inbound = definition.Connections.ToLookup(c => c.Target);
        var order = FlowOrder(definition);
        var matters = new List<JourneyMatter>();
        foreach (var activity in order.Where(a => a.Type is AcceptanceType or MatterType))
        {
            var inputs = activity.Inputs;
            var acceptance = activity.Type == AcceptanceType;
            var code = acceptance ? "acceptance" : Text(inputs, "matter") ?? activity.Id;
            matters.Add(new JourneyMatter(
                code,
                activity.Id,
                acceptance ? Text(inputs, "name") ?? "受理" : Text(inputs, "name") ?? code,
                acceptance ? Text(inputs, "nameEn") ?? "Acceptance" : Text(inputs, "nameEn") ?? code,
                Text(inputs, "department") ?? "service-center",
                acceptance,
                inputs["promisedDays"]?.GetValue<int>() ?? 1,
                inputs["statutoryDays"]?.GetValue<int>() ?? inputs["promisedDays"]?.GetValue<int>() ?? 1,
                inputs["instantRule"] is JsonObject rule ? new InstantRule(Text(rule, "id") ?? activity.Id, Text(rule, "description"), Text(rule, "descriptionEn")) : null,
                inputs["produces"] is JsonObject produces ? Text(produces, "licenceType") : null,
                inputs["produces"] is JsonObject p2 ? Text(p2, "typeName") : null,
                Upstream(activity.Id, byId, inbound)));
        }

        return matters;
    }

    /// <summary>The nearest Acceptance/Matter activities upstream of <paramref name="activityId"/>.</summary>
    private static List<string> Upstream(string activityId, Dictionary<string, ActivityDefinition> byId, ILookup<string, ConnectionDefinition> inbound)
    {
        var found = new List<string>();
        var seen = new HashSet<string>();
        var stack = new Stack<string>(inbound[activityId].Select(c => c.Source));
        while (stack.TryPop(out var id))
        {
            if (!seen.Add(id) || !byId.TryGetValue(id, out var activity))
            {
                continue;
            }

            if (activity.Type is AcceptanceType or MatterType)
            {
                var code = activity.Type == AcceptanceType ? "acceptance" : Text(activity.Inputs, "matter") ?? activity.Id;
                if (!found.Contains(code))
                {
                    found.Add(code);
                }

                continue;
            }

            foreach (var connection in inbound[id])
            {
                stack.Push(connection.Source);
            }
        }

        return found;
    }

    /// <summary>Breadth-first from the Start activity, so matters are listed in the order a case meets them.</summary>
    private static List<ActivityDefinition> FlowOrder(WorkflowDefinition definition)
    {
        var outbound = definition.Connections.ToLookup(c => c.Source);
        var start = definition.Activities.FirstOrDefault(a => a.Type == "Start") ?? definition.Activities[0];
        var order = new List<ActivityDefinition>();
        var seen = new HashSet<string> { start.Id };
        var queue = new Queue<string>([start.Id]);
        while (queue.TryDequeue(out var id))
        {
            if (definition.FindActivity(id) is { } activity)
            {
                order.Add(activity);
            }

            foreach (var next in outbound[id].Select(c => c.Target).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return order;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>A material of the one set of materials (一套材料).</summary>
/// <param name="Source"><c>licence</c> (pulled from the licence library) or <c>applicant</c> (provided).</param>
/// <param name="Holder">JSON pointer into the form giving the holder's ID number or credit code (licences).</param>
/// <param name="Consent"><c>holder</c> when the holder must consent to its use by someone else.</param>
public sealed record JourneyMaterial(
    string Code,
    string Name,
    string? NameEn,
    string Source,
    string? LicenceType,
    string? Holder,
    string? Consent,
    bool Required,
    string? Purpose,
    IReadOnlyList<string>? MediaTypes,
    long? MaxBytes,
    string? Description)
{
    public bool IsLicence => string.Equals(Source, "licence", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A form field prefilled from the signed-in applicant's own licence of a type.</summary>
public sealed record PrefillRule(string Pointer, string LicenceType, string Field);

public sealed record InstantRule(string Id, string? Description, string? DescriptionEn);

/// <summary>One matter (or the acceptance) of a journey and the matters it waits for.</summary>
public sealed record JourneyMatter(
    string Code,
    string ActivityId,
    string Name,
    string NameEn,
    string Department,
    bool IsAcceptance,
    int PromisedDays,
    int StatutoryDays,
    InstantRule? InstantRule,
    string? Produces,
    string? ProducesName,
    IReadOnlyList<string> DependsOn);
