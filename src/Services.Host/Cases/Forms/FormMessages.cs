using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneThing.Host.Cases.Forms;

/// <summary>
/// The error code and the bilingual sentence for each way a field can be wrong. Codes are stable for clients;
/// sentences name the field by its title and use the limit written in the schema (“姓名：不能超过 20 个字符。”).
/// </summary>
internal static class FormMessages
{
    public const string Required = "required";
    public const string FutureDate = "future_date";
    public const string TooEarly = "too_early";
    public const string InvalidText = "invalid_text";
    public const string NotAllowed = "not_allowed";

    /// <summary>The code and sentence fragments (English, Chinese) for a failed schema keyword.</summary>
    /// <param name="keyword">The keyword that failed ("" for a <c>false</c> schema such as <c>additionalProperties: false</c>).</param>
    /// <param name="limit">The keyword's value in the schema at the field, if any.</param>
    /// <param name="libraryMessage">The schema library's own message, the English of last resort.</param>
    public static (string Code, string En, string Zh) ForKeyword(string keyword, JsonNode? limit, string libraryMessage)
    {
        var n = limit is JsonValue ? limit.ToJsonString() : null;
        return keyword switch
        {
            "required" => (Required, "this field is required.", "此项必须填写。"),
            "type" => ("type", $"must be {TypeName(limit).En}.", $"应填写{TypeName(limit).Zh}。"),
            "enum" or "const" => ("enum", "choose one of the options offered.", "请从给定选项中选择。"),
            "maxLength" => ("too_long", $"must be at most {n} characters long.", $"不能超过 {n} 个字符。"),
            "minLength" => ("too_short", $"must be at least {n} characters long.", $"至少应有 {n} 个字符。"),
            "pattern" => ("pattern", "is not in the expected form.", "格式不正确。"),
            "minimum" => ("too_small", $"must be at least {n}.", $"不能小于 {n}。"),
            "exclusiveMinimum" => ("too_small", $"must be greater than {n}.", $"必须大于 {n}。"),
            "maximum" => ("too_large", $"must be at most {n}.", $"不能大于 {n}。"),
            "exclusiveMaximum" => ("too_large", $"must be less than {n}.", $"必须小于 {n}。"),
            "minItems" => ("too_few", $"needs at least {n} entries.", $"至少应填写 {n} 项。"),
            "maxItems" => ("too_many", $"may have at most {n} entries.", $"最多只能填写 {n} 项。"),
            "uniqueItems" => ("duplicate", "has the same entry more than once.", "不能有重复的项。"),
            "" => (NotAllowed, "is not a field of this form.", "不是本表单的填写项。"),
            _ => (keyword, Sentence(libraryMessage), "填写的内容不符合要求。"),
        };
    }

    /// <summary>A value that does not match a format the library knows but we do not (e.g. <c>email</c>).</summary>
    public static (string Code, string En, string Zh) ForFormat(string format) =>
        ($"format.{format}", $"is not a valid {format}.", "格式不正确。");

    /// <summary>A value that fits none of the alternatives of an <c>anyOf</c> / <c>oneOf</c> (or more than one of a <c>oneOf</c>).</summary>
    public static (string Code, string En, string Zh) ForAlternatives(string combinator) =>
        (combinator == "oneOf" ? "one_of" : "any_of", "does not fit any of the allowed forms.", "不符合任何一种允许的填写方式。");

    public static (string En, string Zh) ForFutureDate() => ("cannot be later than today.", "不能晚于今天。");

    public static (string En, string Zh) ForTooEarly(string earliest) => ($"cannot be before {earliest}.", $"不能早于 {earliest}。");

    public static (string En, string Zh) ForInvalidText() =>
        ("contains characters that are not valid text.", "含有无法识别的字符，请重新输入。");

    /// <summary>Joins a field label and a message: “Father's ID number: the check character is wrong.”</summary>
    public static string Join(string label, string message) => $"{label}: {Sentence(message)}";

    /// <summary>Joins a field label and a Chinese message with a full-width colon: “父亲身份证号码：校验码错误。”</summary>
    public static string JoinZh(string label, string message) => $"{label}：{message}";

    /// <summary>Lower-cases the first letter of a message used after a colon (“The check …” → “the check …”).</summary>
    private static string Sentence(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    private static (string En, string Zh) TypeName(JsonNode? type)
    {
        var name = type switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonArray { Count: > 0 } types when types[0] is JsonValue first && first.GetValueKind() == JsonValueKind.String => first.GetValue<string>(),
            _ => null,
        };
        return name switch
        {
            "string" => ("text", "文字"),
            "integer" => ("a whole number", "整数"),
            "number" => ("a number", "数字"),
            "boolean" => ("yes or no", "是或否"),
            "object" => ("a group of fields", "一组信息"),
            "array" => ("a list", "列表"),
            "null" => ("empty", "空值"),
            _ => ("of another kind", "其他类型的值"),
        };
    }
}
