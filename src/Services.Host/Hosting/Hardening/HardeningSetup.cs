using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneThing.Host.Hosting.Hardening;

/// <summary>Security headers, the portal CORS policy and Kestrel's own limits (headers, request line, no Server header).</summary>
public static class HardeningSetup
{
    public static IHostApplicationBuilder AddHardening(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SecurityHeadersOptions>(SecurityHeadersOptions.Section);
        var cors = builder.AddValidatedOptions<PortalCorsOptions>(PortalCorsOptions.Section);

        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins([.. cors.PortalOrigins.Select(o => o.TrimEnd('/'))])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "If-Match")
            .WithExposedHeaders("Location", "Retry-After", "ETag")
            .SetPreflightMaxAge(cors.PreflightMaxAge)));

        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 64;
        });
        return builder;
    }

    /// <summary>Headers first, so every response carries them, errors from later middleware included.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
