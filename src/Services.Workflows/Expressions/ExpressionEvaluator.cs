using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace OneThing.Workflows.Expressions;

/// <summary>
/// Evaluates the JavaScript expressions of definitions (<c>{ "js": "variables.amount &gt; 10" }</c>) with Jint,
/// sandboxed: no access to .NET types, and limits on time, memory, statements and recursion so a bad
/// expression fails its activity instead of the host. Scripts see <c>variables</c>, <c>input</c> and
/// <c>now</c> (ISO 8601 text) as plain JSON values.
/// </summary>
public sealed class ExpressionEvaluator
{
    public const string ScriptProperty = "js";

    private static readonly ConcurrentDictionary<string, Prepared<Script>> Prepared = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="value"/> is an expression object rather than a literal.</summary>
    public static bool IsExpression(JsonNode? value, out string script)
    {
        script = string.Empty;
        if (value is JsonObject { Count: 1 } obj && obj[ScriptProperty] is JsonValue code && code.TryGetValue<string>(out var text))
        {
            script = text;
            return true;
        }

        return false;
    }

    /// <summary>Checks that an expression parses; returns the parser's message when it does not.</summary>
    public static string? ParseError(string script)
    {
        try
        {
            Prepare(script);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// A literal is returned as is; an expression is evaluated and its result turned into JSON; objects and
    /// arrays are copied with every expression inside them evaluated (<c>{ "name": { "js": "…" } }</c>).
    /// </summary>
    public JsonNode? Evaluate(JsonNode? value, ExpressionScope scope)
    {
        if (!IsExpression(value, out var script))
        {
            return value switch
            {
                JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value, scope)))),
                JsonArray array => new JsonArray(array.Select(item => Evaluate(item, scope)).ToArray()),
                _ => value?.DeepClone(),
            };
        }

        var engine = new Engine(options => options
            .LimitMemory(4_000_000)
            .TimeoutInterval(TimeSpan.FromMilliseconds(250))
            .MaxStatements(10_000)
            .LimitRecursion(64)
            .Strict());

        var parser = new JsonParser(engine);
        engine.SetValue("variables", parser.Parse(System.Text.Json.JsonSerializer.Serialize(scope.Variables)));
        engine.SetValue("input", scope.Input is null ? JsValue.Null : parser.Parse(scope.Input.ToJsonString()));
        engine.SetValue("now", scope.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        JsValue result;
        try
        {
            result = engine.Evaluate(Prepare(script));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExpressionException($"Expression '{Shorten(script)}' failed: {ex.Message}", ex);
        }

        return ToJson(engine, result);
    }

    private static Prepared<Script> Prepare(string script) =>
        Prepared.GetOrAdd(script, static s => Engine.PrepareScript(s, strict: true));

    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value).ToString();
        return JsonNode.Parse(json);
    }

    private static string Shorten(string script) => script.Length <= 80 ? script : script[..77] + "...";
}

/// <summary>What an expression can see.</summary>
public sealed record ExpressionScope(IReadOnlyDictionary<string, JsonNode?> Variables, JsonObject? Input, DateTimeOffset Now);

public sealed class ExpressionException(string message, Exception inner) : Exception(message, inner);
