using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OneThing.Host.Cases.Forms;

/// <summary>
/// A journey's one form (一表申请): the JSON Schema (draft 2020-12) in its workflow definition's <c>metadata.form</c>,
/// compiled once and checked for the conventions <see cref="FormValidator"/> relies on. Immutable and thread-safe:
/// compile it when a definition version is loaded and keep it with that version.
/// </summary>
/// <remarks>
/// Besides plain schema keywords a form may use our <see cref="FormFormats"/> and two date checks:
/// <c>"x-not-future": true</c> (not after today in Beijing) and <c>"x-not-before": "yyyy-MM-dd"</c>.
/// Every property carries a Chinese <c>title</c> (English in <c>x-title-en</c>), used in error messages.
/// </remarks>
public sealed class JourneyForm
{
    public const string NotFuture = "x-not-future";
    public const string NotBefore = "x-not-before";
    public const string TitleEn = "x-title-en";
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] SingleSchemaKeywords =
        ["items", "additionalItems", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else"];

    /// <summary>Subschemas that test the form rather than describe its fields: their properties need no titles.</summary>
    private static readonly string[] ConditionKeywords = ["contains", "propertyNames", "not", "if", "anyOf", "oneOf"];

    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
    private static readonly string[] SchemaListKeywords = ["prefixItems", "allOf", "anyOf", "oneOf"];

    private JourneyForm(string journeyId, JsonObject schemaNode, JsonSchema schema)
    {
        JourneyId = journeyId;
        SchemaNode = schemaNode;
        Schema = schema;
        Map = new FormSchemaMap(schemaNode);
    }

    /// <summary>The journey (workflow definition id) this form belongs to.</summary>
    public string JourneyId { get; }

    /// <summary>A private copy of the schema as written, never handed out: nothing may change it after the checks.</summary>
    internal JsonObject SchemaNode { get; }

    internal JsonSchema Schema { get; }

    internal FormSchemaMap Map { get; }

    /// <summary>The form in a definition's metadata (<c>metadata.form</c>); null when the definition has none.</summary>
    /// <exception cref="InvalidOperationException">The form is not a usable schema (see <see cref="Compile"/>).</exception>
    public static JourneyForm? FromMetadata(string journeyId, JsonObject? metadata) =>
        metadata?["form"] is { } form ? Compile(journeyId, form) : null;

    /// <summary>Compiles a form schema.</summary>
    /// <exception cref="InvalidOperationException">
    /// A definition error, naming the journey: not a draft 2020-12 schema, a keyword the library refuses (bad
    /// <c>type</c>, bad regular expression), an unknown format, a <c>$ref</c> outside the form or to nothing,
    /// a malformed <c>x-not-*</c> check, or a property without a title.
    /// </exception>
    public static JourneyForm Compile(string journeyId, JsonNode schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journeyId);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.DeepClone() is not JsonObject copy)
        {
            throw Invalid(journeyId, "", "the form must be a JSON object schema");
        }

        if (copy["$schema"] is { } dialect && dialect.GetValueKind() == JsonValueKind.String && dialect.GetValue<string>() != Draft202012)
        {
            throw Invalid(journeyId, "/$schema", $"only {Draft202012} is supported");
        }

        var map = new FormSchemaMap(copy);
        Check(journeyId, copy, "", map, describesFields: true);
        try
        {
            // Without "$schema" the library's default dialect refuses unknown keywords such as x-title-en: name 2020-12 always.
            var compiled = JsonSchema.Build(JsonSerializer.SerializeToElement(copy), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 });
            return new JourneyForm(journeyId, copy, compiled);
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or ArgumentException)
        {
            throw new InvalidOperationException($"The form of journey '{journeyId}' is not a valid JSON Schema: {e.Message}", e);
        }
    }

    /// <summary>
    /// Walks every subschema, checking what the library does not: formats, references, our keywords, and titles on
    /// the properties of schemas that describe fields (not on those inside conditions such as <c>if</c>).
    /// </summary>
    private static void Check(string journeyId, JsonNode? node, string path, FormSchemaMap map, bool describesFields)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["format"] is { } format && (format.GetValueKind() != JsonValueKind.String || !IsKnownFormat(format.GetValue<string>())))
        {
            throw Invalid(journeyId, path + "/format", $"unknown format {format.ToJsonString()} (ours: {string.Join(", ", FormFormats.Names)})");
        }

        if (schema["$ref"] is { } reference
            && (reference.GetValueKind() != JsonValueKind.String || map.Resolve(reference.GetValue<string>()) is not JsonObject and not JsonValue))
        {
            throw Invalid(journeyId, path + "/$ref", $"{reference.ToJsonString()} must point to a schema inside the form (\"#/$defs/…\")");
        }

        if (schema[NotFuture] is { } notFuture && notFuture.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Invalid(journeyId, path + "/" + NotFuture, "must be true or false");
        }

        if (schema[NotBefore] is { } notBefore && !(notBefore.GetValueKind() == JsonValueKind.String
            && DateOnly.TryParseExact(notBefore.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            throw Invalid(journeyId, path + "/" + NotBefore, "must be a date written yyyy-MM-dd");
        }

        if (describesFields && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject && !map.Expand(property).Any(s => s["title"] is not null))
                {
                    throw Invalid(journeyId, $"{path}/properties/{FormSchemaMap.Escape(name)}", "the property has no title to show applicants");
                }
            }
        }

        foreach (var keyword in SingleSchemaKeywords)
        {
            Check(journeyId, schema[keyword], $"{path}/{keyword}", map, describesFields && !ConditionKeywords.Contains(keyword));
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is JsonObject members)
            {
                foreach (var (name, member) in members)
                {
                    Check(journeyId, member, $"{path}/{keyword}/{FormSchemaMap.Escape(name)}", map, describesFields);
                }
            }
        }

        foreach (var keyword in SchemaListKeywords)
        {
            if (schema[keyword] is JsonArray members)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    Check(journeyId, members[i], $"{path}/{keyword}/{i}", map, describesFields && !ConditionKeywords.Contains(keyword));
                }
            }
        }
    }

    private static bool IsKnownFormat(string format) =>
        FormFormats.IsDefined(format) || FormatRegistry.Global.Get(format) is not UnknownFormat;

    private static InvalidOperationException Invalid(string journeyId, string path, string problem) =>
        new($"The form of journey '{journeyId}' is invalid at #{path}: {problem}.");
}
