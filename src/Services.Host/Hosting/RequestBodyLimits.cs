using Microsoft.AspNetCore.Mvc;

namespace OneThing.Host.Hosting;

public static class RequestBodyLimits
{
    /// <summary>Sign-in forms and token requests: a user name, a password and a few protocol fields.</summary>
    public const long Form = 16 * 1024;

    /// <summary>
    /// Declares the largest request body these endpoints accept instead of <c>Hosting:MaxRequestBodyBytes</c>;
    /// <see cref="RequestSizeLimitMiddleware"/> enforces it with a 413 problem.
    /// </summary>
    public static TBuilder WithMaxRequestBody<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
