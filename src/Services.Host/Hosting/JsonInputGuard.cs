using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OneThing.Host.Hosting;

/// <summary>
/// Checks every JSON request body of the API before an endpoint binds it, whatever its shape (typed records and
/// free <c>JsonNode</c> forms alike): strict UTF-8, no key twice in one object (ignoring case, as binding does), and no
/// text a person could not have typed or a clerk could not see — control characters (NUL included: PostgreSQL
/// refuses it), bidirectional overrides and isolates, zero-width characters, lone surrogates, noncharacters —
/// nor markup (<c>&lt;script&gt;</c>, <c>&lt;img …&gt;</c>) that a clerk's browser might run. Anything else is a
/// 400 problem naming the JSON pointer. Runs after authorization, so an anonymous caller still gets 401.
/// </summary>
/// <remarks>Workflow definitions (<c>/api/v1/admin/workflows</c>, <c>/api/v1/admin/instances</c>) are code, where
/// <c>a&lt;b</c> is an expression: markup is allowed there, the rest is not.</remarks>
internal sealed class JsonInputGuard(RequestDelegate next)
{
    private const string InvalidCharacters = "invalid_characters";

    private static readonly string[] CodePaths = ["/api/v1/admin/workflows", "/api/v1/admin/instances"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint() is null || !request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !IsJson(request.ContentType))
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        if (buffer.Length > 0)
        {
            var markupAllowed = CodePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.Ordinal));
            if (Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), markupAllowed) is { } error)
            {
                var kind = error.Code == InvalidCharacters ? Problems.ValidationFailed : Problems.MalformedJson;
                throw new ProblemException(kind, error.Detail, error.DetailZh, [error]);
            }
        }

        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first thing wrong with the body, or null.</summary>
    internal static FieldError? Check(ReadOnlySpan<byte> json, bool markupAllowed)
    {
        if (!Utf8.IsValid(json))
        {
            return new FieldError("#", "invalid_utf8", "The body is not valid UTF-8.", "请求内容不是有效的 UTF-8 编码。");
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = HostBasics.MaxJsonDepth, CommentHandling = JsonCommentHandling.Disallow });
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var frame = path[^1];
                        frame.Property = name;
                        if (!frame.Names.Add(name))
                        {
                            return new FieldError(Pointer(path), "duplicate_key", $"'{name}' appears twice in one object (names are matched ignoring case).", $"同一对象中“{name}”出现了两次。");
                        }

                        if (Unwanted(name, markupAllowed) is { } badName)
                        {
                            return Refused(path, badName);
                        }

                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (Unwanted(reader.GetString()!, markupAllowed) is { } bad)
                        {
                            return Refused(path, bad);
                        }

                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON, or nested too deep: binding refuses it the same way (a malformed_json problem with where it stopped).
            return null;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") cannot become text.
            return Refused(path, "a lone surrogate");
        }

        return null;
    }

    /// <summary>What is wrong with a piece of text, or null.</summary>
    internal static string? Unwanted(string text, bool markupAllowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var reason = c switch
            {
                '\t' or '\n' or '\r' => null,
                < ' ' or (>= '\u007f' and <= '\u009f') => $"a control character (U+{(int)c:X4})",
                (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c' => $"a bidirectional control (U+{(int)c:X4})",
                (>= '\u200b' and <= '\u200d') or '\u2060' or '\ufeff' or '\u00ad' => $"an invisible character (U+{(int)c:X4})",
                '\ufffe' or '\uffff' => $"a noncharacter (U+{(int)c:X4})",
                _ when char.IsSurrogate(c) => "a lone surrogate",
                '<' when !markupAllowed && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?') => "markup",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    private static FieldError Refused(List<Frame> path, string what) =>
        new(Pointer(path), InvalidCharacters, $"The text contains {what}; only plain text is accepted.", "内容包含不可见字符、控制字符或标记代码，请只填写普通文字。");

    private static void Advance(List<Frame> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1].Index++;
        }
    }

    private static string Pointer(List<Frame> path)
    {
        var pointer = new StringBuilder("#");
        foreach (var frame in path)
        {
            var segment = frame.IsArray ? Math.Max(frame.Index, 0).ToString(System.Globalization.CultureInfo.InvariantCulture) : frame.Property;
            if (segment is null)
            {
                break;
            }

            pointer.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return pointer.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
