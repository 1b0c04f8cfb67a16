using OneThing.Host.Hosting;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// The refusals the sandbox outside systems document (besides 400 for a missing idempotency key). The adapters
/// turn 404, 409 and 422 problems that carry a <c>code</c> into <c>OutsideSystemRefusalException</c>.
/// </summary>
internal static class SandboxProblems
{
    public static readonly ProblemKind IdempotencyKeyRequired = new("idempotency_key_required", 400, "Idempotency-Key header required", "缺少 Idempotency-Key 请求头");
    public static readonly ProblemKind InvalidRequest = new("invalid_request", 422, "The request is not valid", "请求内容有误");
    public static readonly ProblemKind LicenceNotFound = new("licence_not_found", 404, "Licence not found", "未找到该电子证照");
    public static readonly ProblemKind IdempotencyKeyReused = new("idempotency_key_reused", 409, "Idempotency key already used for another request", "该幂等键已用于另一请求");

    /// <summary>The <c>Idempotency-Key</c> header of a request that must carry one.</summary>
    public static string IdempotencyKey(HttpRequest request) =>
        request.Headers["Idempotency-Key"].ToString() is { Length: > 0 and <= 200 } key
            ? key
            : throw new ProblemException(IdempotencyKeyRequired, "Send an Idempotency-Key header (1–200 characters): a repeat with the same key returns the first answer.",
                "请提供 Idempotency-Key 请求头（1–200 个字符）：相同的键重复请求将返回首次的结果。");

    /// <summary>Throws <see cref="InvalidRequest"/> when there are field errors.</summary>
    public static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ProblemException(InvalidRequest, "One or more fields are invalid; see errors.", "请求中有字段不符合要求，详见 errors。", errors);
        }
    }

    /// <summary>Adds a <c>required</c> or <c>too_long</c> error for a text field.</summary>
    public static void Text(List<FieldError> errors, string name, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError($"#/{name}", "required", $"{name} is required.", $"缺少必填字段 {name}。"));
        }
        else if (value.Length > maxLength)
        {
            errors.Add(new FieldError($"#/{name}", "too_long", $"{name} is longer than {maxLength} characters.", $"{name} 超过 {maxLength} 个字符。"));
        }
    }
}
