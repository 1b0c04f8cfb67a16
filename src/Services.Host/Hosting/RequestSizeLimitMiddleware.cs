using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace OneThing.Host.Hosting;

/// <summary>
/// Rejects oversized bodies with 413 before anything reads them. A declared Content-Length is checked here
/// (so every server, the test server included, behaves the same); chunked bodies are cut off by the server
/// through <see cref="IHttpMaxRequestBodySizeFeature"/>. An endpoint may raise its own limit with
/// <c>RequestSizeLimit</c> metadata (uploads).
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<HostingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBodyBytes;

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
