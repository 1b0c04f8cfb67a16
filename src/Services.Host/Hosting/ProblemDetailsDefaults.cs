using Microsoft.AspNetCore.Diagnostics;

namespace OneThing.Host.Hosting;

/// <summary>
/// Fills in what every problem carries: the stable code and bilingual title for problems the framework
/// produced from a bare status code (unknown route, wrong method, 401 from the token validator), the
/// request that failed, and the trace id to quote when calling the help desk.
/// </summary>
internal static class ProblemDetailsDefaults
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code"))
        {
            var kind = Problems.ForStatus(status);
            problem.Type = kind.Type;
            problem.Title = kind.Title;
            problem.Extensions["code"] = kind.Code;
            problem.Extensions["titleZh"] = kind.TitleZh;
        }

        var request = context.HttpContext.Request;
        var originalPath = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        problem.Instance ??= $"{request.Method} {originalPath ?? request.Path}";
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    }
}
