using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneThing.Workflows.Definitions;

/// <summary>How definitions are read and written: camelCase, indented, Chinese kept readable, duplicate keys rejected.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowDuplicateProperties = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Reads a definition; explicit nulls for lists and inputs are read as empty.</summary>
    public static WorkflowDefinition Parse(string json)
    {
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("The definition is null.");
        return definition with
        {
            Variables = definition.Variables ?? [],
            Connections = definition.Connections ?? [],
            Activities = (definition.Activities ?? []).Select(a => a.Inputs is null ? a with { Inputs = [] } : a).ToList(),
        };
    }

    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
