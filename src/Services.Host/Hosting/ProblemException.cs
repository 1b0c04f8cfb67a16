namespace OneThing.Host.Hosting;

/// <summary>
/// Thrown where a request cannot go on; the exception handler turns it into the problem response.
/// Use for failures found deep in a call; handlers that can return a result should return one instead.
/// </summary>
public sealed class ProblemException(ProblemKind kind, string? detail = null, string? detailZh = null, IReadOnlyList<FieldError>? errors = null)
    : Exception(detail ?? kind.Title)
{
    public ProblemKind Kind { get; } = kind;

    public string? DetailZh { get; } = detailZh;

    public IReadOnlyList<FieldError> Errors { get; } = errors ?? [];
}
