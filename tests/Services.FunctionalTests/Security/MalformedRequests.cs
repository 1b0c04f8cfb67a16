using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneThing.FunctionalTests.Security;

/// <summary>One malformed request: what it tries, to which endpoint, as whom, with which bytes.</summary>
internal sealed record Probe(string What, string Method, string Path, string User, byte[]? Body, string? ContentType)
{
    public override string ToString() => $"{Method} {Path} as {User}: {What}";
}

/// <summary>
/// Generates malformed requests for a write endpoint: broken and mistyped JSON, wrong types per field, missing fields,
/// huge strings, invalid check characters, unicode tricks, script and SQL-looking text, deep and duplicate-key JSON,
/// wrong content types, empty bodies, and invalid route values.
/// </summary>
internal static class MalformedRequests
{
    public const string Json = "application/json";

    private const string Marker = "__LITERAL__";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Over the 1 MB body limit once wrapped in JSON.</summary>
    public static readonly string Huge = new('长', 400_000);

    /// <summary>Under the body limit, over every field's length limit.</summary>
    public static readonly string Long = new('x', 20_000);

    /// <summary>Text no person types, as JSON string literals (escapes where JSON or UTF-16 need them): each must be refused wherever text is accepted.</summary>
    public static readonly IReadOnlyList<(string Name, string Literal)> UnicodeTricks =
    [
        ("RTL override", "\"张伟\u202Egnp.exe\""),
        ("RTL override escaped", "\"abc\\u202Edef\""),
        ("RTL isolate", "\"\u2067李娜\u2069\""),
        ("left-to-right mark", "\"张\u200E伟\""),
        ("zero-width joiner", "\"张\u200D伟\""),
        ("zero-width space", "\"\u200B\""),
        ("BOM inside", "\"a\\ufeffb\""),
        ("NUL", "\"abc\\u0000def\""),
        ("bell and escape", "\"\\u0007\\u001b[31m\""),
        ("C1 control", "\"x\u0085y\""),
        ("lone high surrogate", "\"a\\ud800b\""),
        ("lone low surrogate", "\"\\udc00\""),
        ("reversed surrogate pair", "\"\\udc00\\ud800\""),
        ("noncharacter", "\"\\uffff\""),
        ("soft hyphen", "\"张\u00AD伟\""),
    ];

    /// <summary>Markup a clerk's browser could run: refused in every text.</summary>
    public static readonly IReadOnlyList<string> Scripts =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea><svg onload=alert(1)>", "<!--x-->", "<?xml version=\"1.0\"?>",
    ];

    /// <summary>SQL-looking text: refused wherever a code, identifier or number is expected.</summary>
    public static readonly IReadOnlyList<string> Sql =
    [
        "'; DROP TABLE \"Cases\"; --", "' OR '1'='1", "1; SELECT pg_sleep(5)", "\" OR 1=1 --", "admin'--", "1 UNION SELECT * FROM \"AspNetUsers\"",
    ];

    /// <summary>GB 11643 numbers with a wrong check character, a wrong date or region, the wrong length.</summary>
    public static readonly IReadOnlyList<string> BadIdNumbers =
    [
        "371702199003071232", "37170219900307123X", "371702199013071231", "371702199002301234", "000000199003071231",
        "37170219900307123", "3717021990030712311", "37170219900307123x", "３７１７０２１９９００３０７１２３１", "371702 199003071231",
    ];

    /// <summary>GB 32100 unified social credit codes with a wrong check character or characters outside the alphabet.</summary>
    public static readonly IReadOnlyList<string> BadCreditCodes =
    [
        "91371721MA3C7K2L57", "91371721MA3C7K2LI6", "91371721MA3C7K2LO6", "9137172IMA3C7K2L56", "91371721MA3C7K2L5", "Z1371721MA3C7K2L56",
    ];

    /// <summary>Route values that name nothing: wrong formats, traversal, injection, encodings.</summary>
    public static readonly IReadOnlyList<string> BadRouteValues =
    [
        "not-a-guid", "0", "-1", "99999999999999999999", "%01", "%7F", "..%2F..%2Fetc%2Fpasswd", "'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%E2%80%AEcod", "%C0%AF", "%F0%9F%98%80", new string('9', 2_000), "00000000-0000-0000-0000-000000000000", "371702202601059999990",
    ];

    /// <summary>Values of another JSON type than the one a field of <paramref name="node"/>'s kind takes (numeric strings excluded: they bind to numbers).</summary>
    public static IEnumerable<(string Name, JsonNode? Value)> WrongTypes(JsonNode? node) => (node?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.String => [("number", 42), ("true", true), ("array", new JsonArray("x")), ("object", new JsonObject { ["x"] = 1 })],
        JsonValueKind.Number => [("text", "abc"), ("true", true), ("fraction", 1.5), ("array", new JsonArray(1)), ("object", new JsonObject())],
        JsonValueKind.Array => [("text", "x"), ("number", 1), ("object", new JsonObject { ["0"] = "x" })],
        JsonValueKind.Object => [("text", "x"), ("number", 1), ("array", new JsonArray())],
        JsonValueKind.True or JsonValueKind.False => [("text", "yes"), ("number", 1), ("array", new JsonArray())],
        _ => [("number", 42), ("array", new JsonArray()), ("object", new JsonObject())],
    };

    /// <summary>Requests whose body is broken whatever the endpoint expects.</summary>
    public static IEnumerable<(string What, byte[]? Body, string? ContentType)> BrokenBodies(JsonObject? valid, bool emptyIsValid, IReadOnlyList<string> required)
    {
        var baseText = (valid ?? new JsonObject { ["x"] = "y" }).ToJsonString();
        var firstText = valid is null ? null : FirstStringPointer(valid);
        foreach (var root in new[] { "[]", "\"text\"", "42", "true", "null", "[{}]" }.Where(r => !(emptyIsValid && r == "null")))
        {
            yield return ($"root is {root}", Utf8(root), Json);
        }

        foreach (var broken in new[] { "{", "}", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "/*c*/{}", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{a:1}", "\u00ef\u00bb\u00bf", "{\"a\":01}" })
        {
            yield return ($"syntax {broken}", Utf8(broken), Json);
        }

        yield return ("depth 10k arrays", Utf8(new string('[', 10_000) + new string(']', 10_000)), Json);
        yield return ("depth 10k objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), Json);
        yield return ("depth 100 inside a field", Utf8($"{{{(valid?.Count > 0 ? $"\"{valid.First().Key}\":" : "\"x\":")}{new string('[', 100)}{new string(']', 100)}}}"), Json);

        var keys = valid?.Select(p => p.Key).ToList() is { Count: > 0 } k ? k : ["x"];
        foreach (var key in keys)
        {
            var value = valid?[key]?.ToJsonString() ?? "1";
            yield return ($"duplicate key {key}", Utf8($"{{\"{key}\":{value},\"{key}\":{value}}}"), Json);
            yield return ($"duplicate key {key} differing in case", Utf8($"{{\"{key}\":{value},\"{key.ToUpperInvariant()}\":{value}}}"), Json);
        }

        if (valid is not null && DuplicateInside(valid) is { } nested)
        {
            yield return ("duplicate key inside a nested object", Utf8(nested), Json);
        }

        foreach (var (name, bytes) in new (string, byte[])[]
                 {
                     ("overlong '/'", [0xC0, 0xAF]), ("overlong NUL", [0xC0, 0x80]), ("3-byte overlong", [0xE0, 0x80, 0xAF]), ("UTF-16 surrogate as UTF-8", [0xED, 0xA0, 0x80]),
                     ("5-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]), ("0xFF", [0xFF]), ("truncated sequence", [0xE4, 0xB8]), ("raw NUL", [0x00]),
                 })
        {
            yield return ($"invalid UTF-8: {name}", InString(baseText, firstText, bytes), Json);
        }

        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/javascript" })
        {
            yield return ($"content type {type}", Utf8(baseText), type);
        }

        yield return ("no content type", Utf8(baseText), null);
        yield return ("huge body", Utf8($"{{\"{keys[0]}\":\"{Huge}\"}}"), Json);
        if (!emptyIsValid)
        {
            yield return ("empty body", [], Json);
            yield return ("no body at all", null, null);
            yield return ("empty object", Utf8("{}"), Json);
            foreach (var key in required)
            {
                var without = (JsonObject)valid!.DeepClone();
                without.Remove(key);
                yield return ($"missing {key}", Utf8(without.ToJsonString()), Json);
            }
        }
    }

    /// <summary>Each leaf of a valid body replaced, one at a time, with what must not pass there.</summary>
    public static IEnumerable<(string What, byte[] Body)> LeafMutations(JsonObject valid, Func<string, bool> isFreeText, IReadOnlyList<string> required)
    {
        foreach (var (pointer, leaf) in Leaves(valid, string.Empty))
        {
            var name = pointer[(pointer.LastIndexOf('/') + 1)..];
            var freeText = isFreeText(pointer);
            var values = new List<(string, JsonNode?)>();
            values.AddRange(WrongTypes(leaf).Select(w => ($"wrong type ({w.Name})", w.Value)));
            values.Add(("null", null));
            values.Add(("1 MB string", Huge));
            values.Add(("20,000 characters", Long));
            values.AddRange(UnicodeTricks.Select(t => (t.Name, (JsonNode?)(Marker + t.Literal))));
            values.AddRange(Scripts.Select(s => ("script", (JsonNode?)s)));
            if (!freeText)
            {
                values.AddRange(Sql.Select(s => ("SQL", (JsonNode?)s)));
                values.Add(("empty", ""));
                values.Add(("blank", "   "));
            }

            if (name.Contains("idnumber", StringComparison.OrdinalIgnoreCase))
            {
                values.AddRange(BadIdNumbers.Select(n => ("invalid ID number", (JsonNode?)n)));
            }

            if (name.Contains("creditcode", StringComparison.OrdinalIgnoreCase))
            {
                values.AddRange(BadCreditCodes.Select(n => ("invalid credit code", (JsonNode?)n)));
            }

            foreach (var (what, value) in values)
            {
                if (what == "null" && (freeText || !required.Contains(pointer.Split('/')[1])))
                {
                    continue; // an optional field left out is no garbage
                }

                var copy = (JsonObject)valid.DeepClone();
                var literal = value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text && text.StartsWith(Marker, StringComparison.Ordinal)
                    ? text[Marker.Length..] : null;
                Replace(copy, pointer, literal is null ? value : Marker);
                var json = copy.ToJsonString(Relaxed);
                yield return ($"{pointer} = {what}", Utf8(literal is null ? json : json.Replace($"\"{Marker}\"", literal, StringComparison.Ordinal)));
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonNode? Leaf)> Leaves(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (key, value) in o)
                {
                    foreach (var leaf in Leaves(value, $"{pointer}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a when a.Count > 0:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in Leaves(a[i], $"{pointer}/{i}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (pointer, node);
                break;
        }
    }

    private static void Replace(JsonNode root, string pointer, JsonNode? value)
    {
        var parts = pointer.Split('/')[1..].Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : parent[part]!;
        }

        if (parent is JsonArray array)
        {
            array[int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }
    }

    private static string? FirstStringPointer(JsonObject valid) =>
        Leaves(valid, string.Empty).FirstOrDefault(l => l.Leaf?.GetValueKind() == JsonValueKind.String).Leaf?.GetValue<string>();

    /// <summary>The body with <paramref name="bytes"/> spliced into its first string (or as a new string field).</summary>
    private static byte[] InString(string body, string? firstString, byte[] bytes)
    {
        var marker = firstString is null ? null : JsonSerializer.Serialize(firstString, Relaxed);
        var at = marker is null ? -1 : body.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [.. Utf8("{\"x\":\"a"), .. bytes, .. Utf8("b\"}")];
        }

        var before = Utf8(body[..(at + 1)]);
        var after = Utf8(body[(at + 1)..]);
        return [.. before, .. bytes, .. after];
    }

    private static string? DuplicateInside(JsonObject valid)
    {
        foreach (var (key, value) in valid)
        {
            if (value is JsonObject { Count: > 0 } inner)
            {
                var first = inner.First();
                var text = inner.ToJsonString();
                var duplicated = text[..^1] + $",\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"}}}";
                var copy = (JsonObject)valid.DeepClone();
                copy[key] = "__MARK__";
                return copy.ToJsonString(Relaxed)
                    .Replace("\"__MARK__\"", duplicated, StringComparison.Ordinal);
            }
        }

        return null;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
