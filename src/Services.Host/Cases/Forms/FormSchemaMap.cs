using System.Text.Json.Nodes;

namespace OneThing.Host.Cases.Forms;

/// <summary>
/// Finds the subschemas that describe a field of a form, by the field's JSON pointer: through <c>properties</c>,
/// <c>additionalProperties</c>, <c>prefixItems</c>/<c>items</c>, local <c>$ref</c>s and <c>allOf</c> (the plain
/// schema journey forms use). Gives each field its title and its place in the form, so errors name fields the way
/// the applicant sees them and come in the order of the form.
/// </summary>
internal sealed class FormSchemaMap(JsonObject root)
{
    private const int MaxExpansion = 32;

    /// <summary>The subschemas that apply at <paramref name="pointer"/> (an RFC 6901 pointer, "" for the whole form).</summary>
    public IReadOnlyList<JsonObject> At(string pointer) => Walk(pointer, null);

    /// <summary>
    /// The field's label in Chinese and English: the titles from the top of the form down, list entries numbered
    /// from 1 (“材料清单第2项·证照标识”, “Materials item 2 › Licence identifier”), so that fields sharing a
    /// definition (father's and mother's ID numbers) are told apart.
    /// </summary>
    public (string Zh, string En) LabelOf(string pointer)
    {
        var segments = Segments(pointer);
        if (segments.Count == 0)
        {
            return ("表单", "The form");
        }

        var zh = new List<string>();
        var en = new List<string>();
        var candidates = Expand(root);
        foreach (var segment in segments)
        {
            var inList = candidates.Any(c => c["items"] is not null || c["prefixItems"] is not null);
            var next = Step(candidates, segment, out _);
            if (IsIndex(segment, out var index) && inList && zh.Count > 0)
            {
                zh[^1] += $"第{index + 1}项";
                en[^1] += $" item {index + 1}";
            }
            else
            {
                var (titleZh, titleEn) = Title(next, segment);
                zh.Add(titleZh);
                en.Add(titleEn);
            }

            candidates = next;
        }

        return (string.Join('·', zh), string.Join(" › ", en));
    }

    /// <summary>The field's position in the form: per level, the property's place in its <c>properties</c> or the list index.</summary>
    public IReadOnlyList<int> OrderOf(string pointer)
    {
        var order = new List<int>();
        Walk(pointer, order);
        return order;
    }

    /// <summary>The first value of <paramref name="keyword"/> among the subschemas at <paramref name="pointer"/>.</summary>
    public JsonNode? Keyword(string pointer, string keyword) => At(pointer).Select(s => s[keyword]).FirstOrDefault(v => v is not null);

    /// <summary>The local schema a <c>$ref</c> of the form <c>#</c> or <c>#/json/pointer</c> names, or null.</summary>
    public JsonNode? Resolve(string reference)
    {
        if (!reference.StartsWith('#') || (reference.Length > 1 && reference[1] != '/'))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var segment in Segments(Uri.UnescapeDataString(reference[1..])))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when IsIndex(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The schema itself plus what its <c>$ref</c> and <c>allOf</c> bring in.</summary>
    public List<JsonObject> Expand(JsonNode? schema)
    {
        var result = new List<JsonObject>();
        Add(schema, 0);
        return result;

        void Add(JsonNode? node, int depth)
        {
            if (node is not JsonObject o || depth > MaxExpansion || result.Contains(o))
            {
                return;
            }

            result.Add(o);
            if (o["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
            {
                Add(Resolve(target), depth + 1);
            }

            if (o["allOf"] is JsonArray all)
            {
                foreach (var member in all)
                {
                    Add(member, depth + 1);
                }
            }
        }
    }

    /// <summary>The subschemas one step down: property <paramref name="segment"/> or list entry number <paramref name="segment"/>.</summary>
    public List<JsonObject> Step(IReadOnlyList<JsonObject> candidates, string segment, out int order)
    {
        order = int.MaxValue;
        var next = new List<JsonObject>();
        foreach (var schema in candidates)
        {
            if (schema["properties"] is JsonObject properties && properties.TryGetPropertyValue(segment, out var property))
            {
                order = Math.Min(order, properties.IndexOf(segment));
                next.AddRange(Expand(property));
            }
            else if (IsIndex(segment, out var index) && (schema["prefixItems"] is JsonArray || schema["items"] is JsonObject))
            {
                order = index;
                next.AddRange(Expand(schema["prefixItems"] is JsonArray prefix && index < prefix.Count ? prefix[index] : schema["items"]));
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                next.AddRange(Expand(additional));
            }
        }

        return next;
    }

    /// <summary>Splits an RFC 6901 pointer into its unescaped segments.</summary>
    public static List<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>Escapes a property name as one RFC 6901 segment.</summary>
    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private List<JsonObject> Walk(string pointer, List<int>? order)
    {
        var candidates = Expand(root);
        foreach (var segment in Segments(pointer))
        {
            candidates = Step(candidates, segment, out var position);
            order?.Add(position);
        }

        return candidates;
    }

    /// <summary>
    /// The <c>title</c> (Chinese) and <c>x-title-en</c> of the first subschema that has them; each falls back to the
    /// other, and both to the property name.
    /// </summary>
    private static (string Zh, string En) Title(IReadOnlyList<JsonObject> candidates, string name)
    {
        var zh = candidates.Select(c => Text(c, "title")).FirstOrDefault(t => t is not null);
        var en = candidates.Select(c => Text(c, "x-title-en")).FirstOrDefault(t => t is not null);
        return (zh ?? en ?? name, en ?? zh ?? name);
    }

    private static string? Text(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static bool IsIndex(string segment, out int index) =>
        int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
}
