namespace OneThing.Integrations.OutsideSystems;

/// <summary>
/// An outside system failed to answer a call as expected (a 5xx after the resilience handler's retries, an
/// unexpected status, no address configured). Thrown so that the calling workflow activity faults and is retried.
/// </summary>
public sealed class OutsideSystemException : Exception
{
    public OutsideSystemException(OutsideSystem system, int? status, string? problemTitle, string message)
        : base(message)
    {
        System = system;
        Status = status;
        ProblemTitle = problemTitle;
    }

    public OutsideSystemException(OutsideSystem system, int? status, string? problemTitle)
        : this(system, status, problemTitle,
            status is null
                ? $"The {system} could not be called: {problemTitle}"
                : $"The {system} answered {status}{(problemTitle is null ? "." : $": {problemTitle}")}")
    {
    }

    public OutsideSystem System { get; }

    /// <summary>The HTTP status of the answer, if there was one.</summary>
    public int? Status { get; }

    /// <summary>The <c>title</c> of the RFC 9457 problem the system answered with, or the reason phrase.</summary>
    public string? ProblemTitle { get; }
}
