using System.Globalization;
using System.Text.Json.Nodes;
using OneThing.Workflows.Definitions;

namespace OneThing.UnitTests.Journeys;

/// <summary>
/// The four journey definitions in <c>workflows/</c> (copied beside the test binary), their sample cases
/// in <c>Journeys/Cases/</c>, and small questions about their graphs.
/// </summary>
public static class JourneyFiles
{
    public static readonly IReadOnlyList<string> Codes = ["newborn", "retirement", "business-startup", "property-transfer"];

    /// <summary>Licence fields of the types whose content the licence library fixes (the data of a produced licence).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> LicenceFields = new Dictionary<string, string[]>
    {
        ["id-card"] = ["name", "sex", "ethnicity", "birthDate", "address", "idNumber", "issuingAuthority", "validFrom", "validUntil"],
        ["household-register"] = ["householdNumber", "headName", "headIdNumber", "address", "registrationAuthority", "members"],
        ["marriage-certificate"] = ["certificateNumber", "registeredOn", "holderName", "holderIdNumber", "spouseName", "spouseIdNumber", "registrationAuthority"],
        ["business-licence"] = ["name", "creditCode", "legalRepresentative", "companyType", "registeredCapital", "establishedOn", "address", "businessScope"],
        ["property-certificate"] = ["certificateNumber", "owner", "ownerIdNumber", "address", "area", "use", "rightType", "unitNumber"],
        ["birth-certificate"] = ["certificateNumber", "childName", "sex", "birthDate", "birthPlace", "hospital", "motherName", "motherIdNumber", "fatherName", "fatherIdNumber"],
    };

    /// <summary>Every licence type code used across OneThing.</summary>
    public static readonly IReadOnlySet<string> LicenceTypes = new HashSet<string>(LicenceFields.Keys) { "vaccination-certificate", "social-security-card" };

    public static TheoryData<string> All => new(Codes);

    public static string Text(string code) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", code + ".json"));

    public static WorkflowDefinition Load(string code) => WorkflowJson.Parse(Text(code));

    /// <summary>The case input a submitted application of the journey starts with (synthetic people).</summary>
    public static JsonObject SampleCase(string code) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Journeys", "Cases", code + ".json")))!["input"]!.AsObject();

    public static IEnumerable<ActivityDefinition> OfType(this WorkflowDefinition definition, string type) =>
        definition.Activities.Where(a => a.Type == type);

    /// <summary>Whether <paramref name="target"/> can be reached from Start, optionally without one source outcome's connections.</summary>
    public static bool Reaches(this WorkflowDefinition definition, string target, string? withoutSource = null, string? withoutOutcome = null)
    {
        var start = definition.OfType("Start").Single().Id;
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in definition.Connections.Where(c => c.Source == id && !(c.Source == withoutSource && c.Outcome == withoutOutcome)))
            {
                if (seen.Add(next.Target))
                {
                    queue.Enqueue(next.Target);
                }
            }
        }

        return seen.Contains(target);
    }

    /// <summary>
    /// The largest sum of a per-activity number along any path from <paramref name="from"/> (the graph has no
    /// cycles; a cycle throws).
    /// </summary>
    public static int LongestPath(this WorkflowDefinition definition, string from, Func<ActivityDefinition, int> weight, HashSet<string>? visiting = null)
    {
        visiting ??= [];
        if (!visiting.Add(from))
        {
            throw new InvalidOperationException($"{definition.Id} has a cycle through {from}.");
        }

        var longest = definition.Connections.Where(c => c.Source == from).Select(c => c.Target).Distinct()
            .Select(next => definition.LongestPath(next, weight, visiting)).DefaultIfEmpty(0).Max();
        visiting.Remove(from);
        return weight(definition.FindActivity(from)!) + longest;
    }

    /// <summary>The schema of the form field a JSON pointer such as <c>/mother/idNumber</c> names, or null.</summary>
    public static JsonObject? FieldSchema(JsonObject form, string pointer)
    {
        JsonObject? schema = form;
        foreach (var name in pointer.Split('/').Skip(1))
        {
            schema = schema?["properties"]?[name] as JsonObject;
        }

        return pointer.StartsWith('/') ? schema : null;
    }

    /// <summary>The value at a JSON pointer in a document, or null.</summary>
    public static JsonNode? At(JsonNode? node, string pointer) =>
        pointer.Split('/').Skip(1).Aggregate(node, (current, name) => current is JsonArray array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? array.ElementAtOrDefault(index)
            : current?[name]);

    /// <summary>Replaces the value at a JSON pointer; null removes the member.</summary>
    public static void Set(JsonNode document, string pointer, JsonNode? value)
    {
        var slash = pointer.LastIndexOf('/');
        var parent = At(document, pointer[..slash])!.AsObject();
        var name = pointer[(slash + 1)..];
        if (value is null)
        {
            parent.Remove(name);
        }
        else
        {
            parent[name] = value;
        }
    }
}
