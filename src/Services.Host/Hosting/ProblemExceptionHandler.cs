using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Hosting;

/// <summary>
/// The one place where exceptions become RFC 9457 problems. Known failures keep their meaning
/// (malformed JSON, oversized body, concurrency conflict); anything else is a 500 without internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = exception switch
        {
            ProblemException p => p.Kind.Create(p.Message == p.Kind.Title ? null : p.Message, p.DetailZh, p.Errors),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.PayloadTooLarge.Create("The request body is larger than this endpoint accepts.", "请求内容超过了该接口允许的大小。"),
            BadHttpRequestException { InnerException: JsonException json } => DescribeJsonError(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                Problems.UnsupportedMediaType.Create("Send the request body as application/json.", "请以 application/json 格式提交。"),
            BadHttpRequestException bad => Problems.ForStatus(bad.StatusCode).Create(bad.Message),
            WorkflowNotFoundException notFound => Problems.NotFound.Create(notFound.Message, "未找到该流程或版本。"),
            DefinitionInvalidException invalid => Problems.ValidationFailed.Create(
                "The workflow definition is not valid; see errors.", "流程定义有误，请按提示修改。",
                invalid.Errors.Select(e => new FieldError(e.Pointer, e.Code, e.Message, e.MessageZh)).ToList()),
            DefinitionStateException state => Problems.Conflict.Create(state.Message, "当前版本状态不允许此操作。"),
            OneThing.Workflows.Execution.WorkflowRunawayException runaway => Problems.Conflict.Create(runaway.Message, "流程在一步之内执行了过多环节，已停止；请检查流程定义中的循环。"),
            OneThing.Integrations.OutsideSystems.OutsideSystemException outside => Problems.ServiceUnavailable.Create(
                $"{outside.System} did not answer properly; nothing was stored, try again shortly.", $"外部系统（{outside.System}）暂不可用，本次未保存任何内容，请稍后重试。"),
            _ when IsUnreachable(exception) => Problems.ServiceUnavailable.Create(
                "An outside system (licence library, SMS gateway, department system) is not reachable; nothing was stored, try again shortly.",
                "外部系统（电子证照库、短信网关或部门业务系统）暂时无法连接，本次未保存任何内容，请稍后重试。"),
            DbUpdateConcurrencyException =>
                Problems.Conflict.Create("The resource was changed by someone else; reload it and try again.", "该记录已被他人修改，请刷新后重试。"),
            DbUpdateException =>
                Problems.Conflict.Create("The change conflicts with data stored meanwhile (for example, another version was published first); reload and try again.", "该操作与刚刚保存的数据冲突，请刷新后重试。"),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problems.InternalError.Create();
        }
        else
        {
            logger.LogInformation("Request failed with {Status} {Code}: {Reason}", problem.Status, problem.Extensions["code"], exception.Message);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails DescribeJsonError(JsonException json)
    {
        if (json.Path is not { Length: > 1 } path)
        {
            return Problems.MalformedJson.Create("The request body is not valid JSON.", "请求内容不是有效的 JSON，请检查格式。");
        }

        // System.Text.Json reports where it stopped as a JSONPath ("$.applicant.birthDate");
        // clients get it as a JSON pointer, the same form validation errors use.
        var pointer = JsonPaths.ToPointer(path);
        var error = new FieldError(
            pointer,
            "invalid_json_value",
            $"The value at {pointer} is not valid JSON or has the wrong type (line {json.LineNumber + 1}).",
            $"{pointer} 处的值不是有效的 JSON 或类型不正确（第 {json.LineNumber + 1} 行）。");
        return Problems.MalformedJson.Create(error.Detail, error.DetailZh, [error]);
    }

    /// <summary>An outside call that never got an answer: refused connection, timeout, open circuit (Polly's rejections).</summary>
    private static bool IsUnreachable(Exception exception)
    {
        if (exception is HttpRequestException or TimeoutException)
        {
            return true;
        }

        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == "Polly.ExecutionRejectedException")
            {
                return true;
            }
        }

        return false;
    }
}
