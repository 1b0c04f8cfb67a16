using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OneThing.Host.Hosting;

internal static class ApiReference
{
    /// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) with the bearer scheme our APIs use.</summary>
    public static void AddApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OneThing · 一件事一次办",
                    Version = "v1",
                    Description = "Integrated government services: apply once, with one form and one set of materials. "
                        + "Obtain a token at /connect/token (see the README) and send it as `Authorization: Bearer <token>`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Access token issued by this host's OpenID Connect server.",
                };
                return Task.CompletedTask;
            });

            // Operations that need a token say so, with the scheme above and the 401/403 they may answer.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [],
                    });
                    operation.Responses ??= [];
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token (problem details) · 未登录或令牌无效" });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Not allowed for this role (problem details) · 无权访问" });
                }

                return Task.CompletedTask;
            });
        });
    }
}
