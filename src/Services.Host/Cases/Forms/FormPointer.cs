using System.Text.Json.Nodes;

namespace OneThing.Host.Cases.Forms;

/// <summary>Reads and writes form fields by JSON pointer (RFC 6901), e.g. <c>/mother/idNumber</c>.</summary>
public static class FormPointer
{
    public static JsonNode? Get(JsonNode? root, string? pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer == "/")
        {
            return root;
        }

        var node = root;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Sets a field, creating the objects on the way; returns false when the path runs through a non-object.</summary>
    public static bool Set(JsonObject root, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer).ToList();
        if (tokens.Count == 0)
        {
            return false;
        }

        JsonObject current = root;
        foreach (var token in tokens[..^1])
        {
            switch (current[token])
            {
                case JsonObject next:
                    current = next;
                    break;
                case null:
                    var created = new JsonObject();
                    current[token] = created;
                    current = created;
                    break;
                default:
                    return false;
            }
        }

        current[tokens[^1]] = value;
        return true;
    }

    private static IEnumerable<string> Tokens(string pointer) =>
        pointer.TrimStart('/').Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
