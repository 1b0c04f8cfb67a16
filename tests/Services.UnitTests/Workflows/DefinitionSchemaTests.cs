using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OneThing.UnitTests.Workflows;

/// <summary>
/// workflows/schema/workflow-definition.schema.json describes the format the engine reads: every
/// definition the conformance suite runs (and every journey file in workflows/) is valid against it,
/// and malformed definitions are not.
/// </summary>
public sealed class DefinitionSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "schema", "workflow-definition.schema.json")));

    public static TheoryData<string> Definitions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Workflows", "Conformance"), "*.json"))
        {
            foreach (var definition in JsonNode.Parse(File.ReadAllText(file))!["definitions"]!.AsArray())
            {
                data.Add(definition!.ToJsonString());
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json"))
        {
            data.Add(File.ReadAllText(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definitions_in_use_are_valid_against_the_schema(string definition)
    {
        var result = Evaluate(definition);
        Assert.True(result.IsValid, string.Join("; ", Errors(result)));
    }

    [Theory]
    [InlineData("""{ "id": "x", "name": "X", "activities": [{ "id": "start", "type": "Start" }], "colour": "red" }""")]
    [InlineData("""{ "id": "x", "name": "X", "activities": [{ "id": "start" }] }""")]
    [InlineData("""{ "id": "x", "name": "X", "activities": [{ "id": "start", "type": "Start" }], "connections": [{ "source": "start" }] }""")]
    [InlineData("""{ "id": "has space", "name": "X", "activities": [{ "id": "start", "type": "Start" }] }""")]
    [InlineData("""{ "id": "x", "name": "X", "activities": [{ "id": "a/b", "type": "Start" }] }""")]
    [InlineData("""{ "name": "X", "activities": [{ "id": "start", "type": "Start" }] }""")]
    public void Malformed_definitions_are_invalid(string definition) => Assert.False(Evaluate(definition).IsValid);

    private static EvaluationResults Evaluate(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
