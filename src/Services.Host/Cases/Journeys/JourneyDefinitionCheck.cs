using System.Text.Json.Nodes;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Forms;
using OneThing.Workflows.Definitions;

namespace OneThing.Host.Cases.Journeys;

/// <summary>
/// What a definition with journey metadata must satisfy before it is published: a form that compiles,
/// materials whose holder fields exist in it, matters with unique codes in known departments, a promised
/// limit within the statutory one. A broken journey is refused at publish time, never found by an applicant.
/// </summary>
public sealed class JourneyDefinitionCheck : OneThing.Workflows.Definitions.IDefinitionCheck
{
    public IEnumerable<DefinitionError> Validate(WorkflowDefinition definition)
    {
        if (!Journey.IsJourney(definition))
        {
            yield break;
        }

        Journey? journey = null;
        string? failure = null;
        try
        {
            journey = Journey.From(definition);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or FormatException)
        {
            failure = ex.Message;
        }

        if (journey is null)
        {
            yield return new DefinitionError("#/metadata", "journey_invalid", $"The journey metadata is not usable: {failure}", $"一件事配置无效：{failure}");
            yield break;
        }

        var form = definition.Metadata!["form"] as JsonObject;
        for (var i = 0; i < journey.Materials.Count; i++)
        {
            var material = journey.Materials[i];
            if (material.IsLicence && (material.LicenceType is null || material.Holder is null || !HasField(form, material.Holder)))
            {
                yield return new DefinitionError($"#/metadata/materials/{i}", "material_holder",
                    $"Licence material '{material.Code}' needs a licenceType and a holder pointer naming a field of the form.",
                    $"证照材料“{material.Code}”须有证照类型，且持证人字段须为表单中的字段。");
            }
        }

        foreach (var duplicate in journey.Matters.GroupBy(m => m.Code).Where(g => g.Count() > 1))
        {
            yield return new DefinitionError("#/activities", "matter_duplicate", $"Matter code '{duplicate.Key}' is used more than once.", $"事项编码“{duplicate.Key}”重复。");
        }

        foreach (var matter in journey.Matters)
        {
            var pointer = $"#/activities/{definition.Activities.ToList().FindIndex(a => a.Id == matter.ActivityId)}/inputs";
            if (DepartmentSeeder.Catalogue.All(d => d.Code != matter.Department))
            {
                yield return new DefinitionError($"{pointer}/department", "unknown_department", $"'{matter.Department}' is not a department.", $"“{matter.Department}”不是已登记的部门。");
            }

            if (matter.PromisedDays < 0 || matter.PromisedDays > matter.StatutoryDays)
            {
                yield return new DefinitionError($"{pointer}/promisedDays", "promised_beyond_statutory",
                    $"Matter '{matter.Code}': the promised limit ({matter.PromisedDays}) must be within the statutory one ({matter.StatutoryDays}).",
                    $"事项“{matter.Code}”的承诺时限须不超过法定时限。");
            }
        }
    }

    /// <summary>Whether a JSON pointer names a property in the form schema (through nested <c>properties</c>).</summary>
    private static bool HasField(JsonObject? schema, string pointer)
    {
        JsonNode? node = schema;
        foreach (var token in pointer.TrimStart('/').Split('/'))
        {
            node = node?["properties"]?[token];
            if (node is null)
            {
                return false;
            }
        }

        return true;
    }
}
