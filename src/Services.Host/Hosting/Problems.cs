namespace OneThing.Host.Hosting;

/// <summary>
/// The error vocabulary of the API: one stable code, <c>type</c> URI and bilingual title per failure kind.
/// Every error response is an RFC 9457 problem built from this table.
/// </summary>
public static class Problems
{
    public static readonly ProblemKind BadRequest = new("bad_request", 400, "Bad request", "请求无效");
    public static readonly ProblemKind MalformedJson = new("malformed_json", 400, "Malformed JSON", "请求内容不是有效的 JSON");
    public static readonly ProblemKind ValidationFailed = new("validation_failed", 400, "One or more fields are invalid", "提交的内容有误，请按提示修改");
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401, "Authentication required", "需要登录后才能访问");
    public static readonly ProblemKind Forbidden = new("forbidden", 403, "Access denied", "无权访问");
    public static readonly ProblemKind NotFound = new("not_found", 404, "Not found", "未找到请求的资源");
    public static readonly ProblemKind MethodNotAllowed = new("method_not_allowed", 405, "Method not allowed", "不支持该请求方法");
    public static readonly ProblemKind NotAcceptable = new("not_acceptable", 406, "Not acceptable", "无法提供所请求的格式");
    public static readonly ProblemKind Conflict = new("conflict", 409, "Conflict", "请求与当前状态冲突");
    public static readonly ProblemKind PayloadTooLarge = new("payload_too_large", 413, "Request body too large", "请求内容过大");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported_media_type", 415, "Unsupported media type", "不支持的内容类型");
    public static readonly ProblemKind TooManyRequests = new("too_many_requests", 429, "Too many requests", "请求过于频繁，请稍后再试");
    public static readonly ProblemKind InternalError = new("internal_error", 500, "Internal server error", "系统内部错误，请稍后再试");
    public static readonly ProblemKind ServiceUnavailable = new("service_unavailable", 503, "Service unavailable", "服务暂不可用，请稍后再试");

    private static readonly Dictionary<int, ProblemKind> ByStatus = new[]
    {
        BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, NotAcceptable, Conflict,
        PayloadTooLarge, UnsupportedMediaType, TooManyRequests, InternalError, ServiceUnavailable,
    }.ToDictionary(kind => kind.Status);

    /// <summary>The generic kind for a bare status code (status-code pages, framework-produced errors).</summary>
    public static ProblemKind ForStatus(int status) =>
        ByStatus.TryGetValue(status, out var kind)
            ? kind
            : new ProblemKind($"http_{status}", status, $"HTTP {status}", $"请求失败（{status}）");
}
