using Microsoft.AspNetCore.Mvc;

namespace OneThing.Host.Hosting;

/// <summary>One kind of failure: stable code, HTTP status and the title shown to people in English and Chinese.</summary>
public sealed record ProblemKind(string Code, int Status, string Title, string TitleZh)
{
    public const string TypePrefix = "urn:onething:problem:";

    public string Type => TypePrefix + Code;

    /// <summary>Creates a problem of this kind; <paramref name="detail"/> and <paramref name="detailZh"/> say what exactly went wrong.</summary>
    public ProblemDetails Create(string? detail = null, string? detailZh = null, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails { Type = Type, Status = Status, Title = Title, Detail = detail };
        problem.Extensions["code"] = Code;
        problem.Extensions["titleZh"] = TitleZh;
        if (detailZh is not null)
        {
            problem.Extensions["detailZh"] = detailZh;
        }

        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }
}
