using System.Globalization;
using Microsoft.Extensions.Options;

namespace OneThing.Host.Hosting.Hardening;

/// <summary>
/// Security headers on every response, errors included. The API answers JSON only, so its Content-Security-Policy
/// allows nothing at all; the few HTML pages the host serves (the API reference, the sign-in form) get a policy that
/// allows exactly what they load: their own scripts and styles, inline ones (the reference page's configuration,
/// the form's styles), nothing from elsewhere, and no framing anywhere.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options, IHostEnvironment environment)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PagePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static readonly PathString[] Pages = ["/api-reference", "/account"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var hsts = HstsValue(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-site";
            headers.ContentSecurityPolicy = Pages.Any(p => path.StartsWithSegments(p)) ? PagePolicy : ApiPolicy;
            if (hsts is not null)
            {
                headers.StrictTransportSecurity = hsts;
            }

            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        });
        return next(context);
    }

    private string? HstsValue(HttpContext context)
    {
        var maxAge = options.Value.HstsMaxAge;
        if (!context.Request.IsHttps || environment.IsDevelopment() || maxAge <= TimeSpan.Zero)
        {
            return null;
        }

        return $"max-age={((long)maxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)}"
            + (options.Value.HstsIncludeSubDomains ? "; includeSubDomains" : string.Empty);
    }
}
