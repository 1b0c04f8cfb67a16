using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Hosting;

namespace OneThing.Host.Cases.Forms;

/// <summary>
/// Checks a submitted form against its journey's schema and reports every field error at once (一次告知), in
/// the order of the form, as <see cref="FieldError"/>s pointing at <c>#/form/…</c>. Never throws for bad input.
/// “Today” (for <c>x-not-future</c> and the birth date in ID numbers) is the date in Beijing.
/// </summary>
public sealed class FormValidator(TimeProvider clock)
{
    /// <summary>Where the form sits in request bodies; field pointers start with it.</summary>
    public const string PointerPrefix = "#/form";

    /// <summary>Validates a form given as a <see cref="JsonNode"/> (null is JSON null).</summary>
    public IReadOnlyList<FieldError> Validate(JourneyForm form, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(form);
        JsonElement element;
        try
        {
            element = JsonSerializer.SerializeToElement(data);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A string with a lone UTF-16 surrogate cannot be written as JSON: find which one it is.
            return [.. InvalidNodes(form.Map, data)];
        }

        return Validate(form, element);
    }

    /// <summary>Validates a form given as a <see cref="JsonElement"/>.</summary>
    public IReadOnlyList<FieldError> Validate(JourneyForm form, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (data.ValueKind == JsonValueKind.Undefined)
        {
            data = JsonSerializer.SerializeToElement<object?>(null);
        }

        var invalidText = new List<FieldError>();
        FindInvalidText(form.Map, data, "", invalidText);
        if (invalidText.Count > 0)
        {
            // The schema library cannot read such strings either; these must be fixed before anything else can be checked.
            return invalidText;
        }

        var today = ChinaTime.Today(clock);
        var results = form.Schema.Evaluate(data, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
            Culture = CultureInfo.InvariantCulture, // the library's English messages are parsed for required names below
            FormatRegistry = FormFormats.CreateRegistry(today),
        });

        var errors = new List<(string Pointer, FieldError Error)>();
        foreach (var detail in results.IsValid ? [] : results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 })
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            var branch = Branch(detail.EvaluationPath.ToString());
            if (branch is "if" or "not" or "contains")
            {
                // A failed condition, a negated schema or a non-matching list entry: not an error in itself.
                continue;
            }

            if (branch is "anyOf" or "oneOf")
            {
                // Every alternative's complaints would confuse: say once that none fits.
                errors.Add(Error(form.Map, pointer, FormMessages.ForAlternatives(branch)));
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                AddSchemaError(form.Map, data, pointer, keyword, message, errors);
            }
        }

        AddDateChecks(form.Map, data, "", form.Map.Expand(form.SchemaNode), today, errors);
        return [.. errors
            .DistinctBy(e => (e.Error.Pointer, e.Error.Code))
            .OrderBy(e => form.Map.OrderOf(e.Pointer), FormOrder.Instance)
            .Select(e => e.Error)];
    }

    private static void AddSchemaError(FormSchemaMap map, JsonElement data, string pointer, string keyword, string message, List<(string, FieldError)> errors)
    {
        if (keyword == "required")
        {
            var missing = RequiredNames(message) ?? MissingProperties(map, data, pointer);
            foreach (var name in missing)
            {
                errors.Add(Error(map, $"{pointer}/{FormSchemaMap.Escape(name)}", FormMessages.ForKeyword(keyword, null, message)));
            }

            if (missing.Count > 0)
            {
                return;
            }
        }

        if (keyword == "format")
        {
            var failure = FormFormats.FromCode(message);
            var format = map.Keyword(pointer, "format")?.GetValue<string>() ?? "format";
            errors.Add(Error(map, pointer, failure is null ? FormMessages.ForFormat(format) : (failure.Code, failure.Message, failure.MessageZh)));
            return;
        }

        errors.Add(Error(map, pointer, FormMessages.ForKeyword(keyword, map.Keyword(pointer, keyword), message)));
    }

    /// <summary>The names in the library's “Required properties ["a","b"] are not present”, or null if it reads otherwise.</summary>
    private static List<string>? RequiredNames(string message)
    {
        var start = message.IndexOf('[', StringComparison.Ordinal);
        var end = message.LastIndexOf(']');
        if (start < 0 || end < start)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(message.AsSpan(start, end - start + 1));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The outermost conditional keyword (<c>if</c>, <c>not</c>, <c>contains</c>, <c>anyOf</c>, <c>oneOf</c>) on an
    /// evaluation path, skipping property and definition names that happen to be spelled like one.
    /// </summary>
    private static string? Branch(string evaluationPath)
    {
        var isName = false;
        foreach (var segment in FormSchemaMap.Segments(evaluationPath))
        {
            if (!isName && segment is "if" or "not" or "contains" or "anyOf" or "oneOf")
            {
                return segment;
            }

            isName = !isName && segment is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas";
        }

        return null;
    }

    /// <summary>
    /// Fallback when the library's message cannot be read: the properties named by the <c>required</c> of the
    /// schemas at <paramref name="pointer"/> that the form lacks. Empty when the requirement came from somewhere the
    /// map does not follow (a <c>then</c> branch): the error is then reported on the object itself.
    /// </summary>
    private static List<string> MissingProperties(FormSchemaMap map, JsonElement data, string pointer)
    {
        if (Find(data, pointer) is not { ValueKind: JsonValueKind.Object } target)
        {
            return [];
        }

        return [.. map.At(pointer)
            .Select(s => s["required"]).OfType<JsonArray>().SelectMany(names => names)
            .Select(name => name is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Where(name => !target.TryGetProperty(name, out _))];
    }

    /// <summary>Applies <c>x-not-future</c> and <c>x-not-before</c> wherever the schema puts them, walking the form alongside it.</summary>
    private static void AddDateChecks(FormSchemaMap map, JsonElement value, string pointer, List<JsonObject> schemas, DateOnly today,
        List<(string Pointer, FieldError Error)> errors)
    {
        if (schemas.Count == 0)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var child = $"{pointer}/{FormSchemaMap.Escape(property.Name)}";
                    AddDateChecks(map, property.Value, child, map.Step(schemas, property.Name, out _), today, errors);
                }

                return;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var segment = index++.ToString(CultureInfo.InvariantCulture);
                    AddDateChecks(map, item, $"{pointer}/{segment}", map.Step(schemas, segment, out _), today, errors);
                }

                return;
            case JsonValueKind.String when DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                // A field that already failed (wrong format, say) is reported once, for that.
                if (errors.Any(e => e.Pointer == pointer))
                {
                    return;
                }

                if (schemas.Any(s => s[JourneyForm.NotFuture] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True) && date > today)
                {
                    var (en, zh) = FormMessages.ForFutureDate();
                    errors.Add(Error(map, pointer, (FormMessages.FutureDate, en, zh)));
                }

                var earliest = schemas.Select(s => s[JourneyForm.NotBefore]?.GetValue<string>()).OfType<string>()
                    .Select(t => DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture)).DefaultIfEmpty(DateOnly.MinValue).Max();
                if (date < earliest)
                {
                    var (en, zh) = FormMessages.ForTooEarly(earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    errors.Add(Error(map, pointer, (FormMessages.TooEarly, en, zh)));
                }

                return;
            default:
                return;
        }
    }

    private static (string Pointer, FieldError Error) Error(FormSchemaMap map, string pointer, (string Code, string En, string Zh) message)
    {
        var (labelZh, labelEn) = map.LabelOf(pointer);
        return (pointer, new FieldError(PointerPrefix + pointer, message.Code,
            FormMessages.Join(labelEn, message.En), FormMessages.JoinZh(labelZh, message.Zh)));
    }

    private static JsonElement? Find(JsonElement data, string pointer)
    {
        var current = data;
        foreach (var segment in FormSchemaMap.Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Strings (and property names) with a lone UTF-16 surrogate: JSON allows the escape, .NET cannot read it as text.</summary>
    private static void FindInvalidText(FormSchemaMap map, JsonElement value, string pointer, List<FieldError> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (!TryRead(() => property.Name, out var name))
                    {
                        errors.Add(InvalidText(map, pointer));
                        continue;
                    }

                    FindInvalidText(map, property.Value, $"{pointer}/{FormSchemaMap.Escape(name)}", errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    FindInvalidText(map, item, $"{pointer}/{index++}", errors);
                }

                break;
            case JsonValueKind.String when !TryRead(value.GetString, out _):
                errors.Add(InvalidText(map, pointer));
                break;
        }
    }

    private static IEnumerable<FieldError> InvalidNodes(FormSchemaMap map, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                return o.SelectMany(p => InvalidNodes(map, p.Value));
            case JsonArray a:
                return a.SelectMany(item => InvalidNodes(map, item));
            case JsonValue leaf when !TryRead(() => leaf.ToJsonString(), out _):
                return [InvalidText(map, JsonPaths.ToPointer(leaf.GetPath())[1..])];
            default:
                return [];
        }
    }

    private static bool TryRead(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? string.Empty;
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or ArgumentException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static FieldError InvalidText(FormSchemaMap map, string pointer)
    {
        var (en, zh) = FormMessages.ForInvalidText();
        return Error(map, pointer, (FormMessages.InvalidText, en, zh)).Error;
    }

    /// <summary>Orders positions in the form lexicographically: a field before its sub-fields, then by place.</summary>
    private sealed class FormOrder : IComparer<IReadOnlyList<int>>
    {
        public static readonly FormOrder Instance = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
