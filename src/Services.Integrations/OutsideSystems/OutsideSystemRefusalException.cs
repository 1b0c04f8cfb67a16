namespace OneThing.Integrations.OutsideSystems;

/// <summary>
/// An outside system understood a request and refused it as it stands (404 unknown resource, 409 idempotency
/// key reused for another request, 422 invalid request): repeating it unchanged gets the same answer, so this is
/// kept apart from <see cref="OutsideSystemException"/>, which signals a failure worth retrying.
/// </summary>
public sealed class OutsideSystemRefusalException(OutsideSystem system, int status, string? code, string? detail, string? detailZh)
    : Exception($"The {system} refused the request ({status} {code}): {detail}")
{
    public OutsideSystem System { get; } = system;

    public int Status { get; } = status;

    /// <summary>The problem's stable <c>code</c>, e.g. <c>licence_not_found</c>, <c>idempotency_key_reused</c>.</summary>
    public string? Code { get; } = code;

    public string? Detail { get; } = detail;

    public string? DetailZh { get; } = detailZh;
}
