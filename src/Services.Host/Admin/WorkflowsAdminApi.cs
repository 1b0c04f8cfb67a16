using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Runtime;
using OpenIddict.Abstractions;

namespace OneThing.Host.Admin;

/// <summary>
/// Workflow definitions for administrators and the designer: versions (draft → published → retired),
/// validation with JSON pointers, revert, export and import, and the activity catalogue.
/// </summary>
public static class WorkflowsAdminApi
{
    public static IEndpointRouteBuilder MapWorkflowsAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/workflows")
            .WithTags("Admin · workflows · 流程定义")
            .RequireAuthorization(AuthorizationPolicies.Admin);

        group.MapGet("/", ListAsync).WithSummary("All definitions and their versions");
        group.MapPost("/", CreateDraftAsync).WithSummary("Create a draft (the next version of its id)");
        group.MapPost("/validate", Validate).WithSummary("Validate a definition without storing it");
        group.MapPost("/import", ImportAsync).WithSummary("Import an exported definition as a draft; ?publish=true publishes it");
        group.MapGet("/{definitionId}/versions/{version:int}", GetVersionAsync).WithSummary("One version with its status");
        group.MapPut("/{definitionId}/versions/{version:int}", UpdateDraftAsync).WithSummary("Replace a draft");
        group.MapPost("/{definitionId}/versions/{version:int}/publish", PublishAsync).WithSummary("Publish (the current published version is retired)");
        group.MapPost("/{definitionId}/versions/{version:int}/retire", RetireAsync).WithSummary("Retire: no new instances; running ones continue");
        group.MapPost("/{definitionId}/versions/{version:int}/revert", RevertAsync).WithSummary("New draft from this version");
        group.MapGet("/{definitionId}/versions/{version:int}/export", ExportAsync).WithSummary("Download the definition JSON");

        app.MapGet("/api/v1/admin/activities", (ActivityRegistry registry) => TypedResults.Ok(registry.All.OrderBy(d => d.Category).ThenBy(d => d.Type).Select(ActivityView.From)))
            .WithTags("Admin · workflows · 流程定义")
            .WithSummary("Activity types for the designer: inputs with their kinds, outcomes")
            .RequireAuthorization(AuthorizationPolicies.Admin);
        return app;
    }

    public sealed record VersionView(string DefinitionId, int Version, string Status, string Name, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, DateTimeOffset? RetiredAt)
    {
        public static VersionView From(WorkflowDefinitionRecord r) =>
            new(r.DefinitionId, r.Version, r.Status.ToString(), r.Name, r.CreatedAt, r.CreatedBy, r.PublishedAt, r.RetiredAt);
    }

    public sealed record VersionDetail(VersionView Version, JsonElement Definition);

    public sealed record ValidationResultView(bool Valid, IReadOnlyList<FieldError> Errors);

    public sealed record ActivityView(string Type, string DisplayName, string Category, string? Description, IReadOnlyList<InputView> Inputs, IReadOnlyList<string> Outcomes, string? OutcomesFromInput, bool Waits)
    {
        public static ActivityView From(ActivityDescriptor d) => new(d.Type, d.DisplayName, d.Category, d.Description,
            d.Inputs.Select(i => new InputView(i.Name, i.Kind.ToString(), i.Required, i.Description)).ToList(), d.Outcomes, d.OutcomesFromInput, d.Waits);
    }

    public sealed record InputView(string Name, string Kind, bool Required, string? Description);

    private static async Task<Ok<List<VersionView>>> ListAsync(DefinitionStore store) =>
        TypedResults.Ok((await store.ListAsync()).Select(VersionView.From).ToList());

    private static async Task<Results<Created<VersionView>, ProblemHttpResult>> CreateDraftAsync(JsonObject body, DefinitionStore store, ClaimsPrincipal user)
    {
        var record = await store.CreateDraftAsync(Parse(body), Actor(user));
        return TypedResults.Created($"/api/v1/admin/workflows/{record.DefinitionId}/versions/{record.Version}", VersionView.From(record));
    }

    private static Ok<ValidationResultView> Validate(JsonObject body, DefinitionValidator validator)
    {
        var errors = validator.Validate(Parse(body));
        return TypedResults.Ok(new ValidationResultView(errors.Count == 0, errors.Select(ToFieldError).ToList()));
    }

    private static async Task<Results<Created<VersionView>, ProblemHttpResult>> ImportAsync(JsonObject body, DefinitionStore store, ClaimsPrincipal user, bool publish = false)
    {
        var record = await store.CreateDraftAsync(Parse(body), Actor(user));
        if (publish)
        {
            record = await store.PublishAsync(record);
        }

        return TypedResults.Created($"/api/v1/admin/workflows/{record.DefinitionId}/versions/{record.Version}", VersionView.From(record));
    }

    private static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> GetVersionAsync(string definitionId, int version, DefinitionStore store)
    {
        var record = await RequireAsync(store, definitionId, version);
        return TypedResults.Ok(new VersionDetail(VersionView.From(record), JsonDocument.Parse(record.Json).RootElement));
    }

    private static async Task<Ok<VersionView>> UpdateDraftAsync(string definitionId, int version, JsonObject body, DefinitionStore store) =>
        TypedResults.Ok(VersionView.From(await store.UpdateDraftAsync(await RequireAsync(store, definitionId, version), Parse(body))));

    private static async Task<Ok<VersionView>> PublishAsync(string definitionId, int version, DefinitionStore store) =>
        TypedResults.Ok(VersionView.From(await store.PublishAsync(await RequireAsync(store, definitionId, version))));

    private static async Task<Ok<VersionView>> RetireAsync(string definitionId, int version, DefinitionStore store) =>
        TypedResults.Ok(VersionView.From(await store.RetireAsync(await RequireAsync(store, definitionId, version))));

    private static async Task<Created<VersionView>> RevertAsync(string definitionId, int version, DefinitionStore store, ClaimsPrincipal user)
    {
        var record = await store.RevertAsync(await RequireAsync(store, definitionId, version), Actor(user));
        return TypedResults.Created($"/api/v1/admin/workflows/{record.DefinitionId}/versions/{record.Version}", VersionView.From(record));
    }

    private static async Task<IResult> ExportAsync(string definitionId, int version, DefinitionStore store)
    {
        var record = await RequireAsync(store, definitionId, version);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(record.Json), "application/json", $"{definitionId}.v{version}.json");
    }

    internal static FieldError ToFieldError(DefinitionError error) => new(error.Pointer, error.Code, error.Message, error.MessageZh);

    private static async Task<WorkflowDefinitionRecord> RequireAsync(DefinitionStore store, string definitionId, int version) =>
        await store.FindAsync(definitionId, version)
            ?? throw new ProblemException(Problems.NotFound, $"Workflow '{definitionId}' has no version {version}.", $"流程“{definitionId}”没有版本 {version}。");

    /// <summary>Reads a definition strictly (unknown members and duplicate keys refused), reporting where it is wrong.</summary>
    private static WorkflowDefinition Parse(JsonObject body)
    {
        try
        {
            return WorkflowJson.Parse(body.ToJsonString());
        }
        catch (JsonException ex)
        {
            var pointer = ex.Path is { Length: > 1 } path ? JsonPaths.ToPointer(path) : "#";
            throw new ProblemException(Problems.ValidationFailed, "The definition does not match the format.", "流程定义格式不正确。",
                [new FieldError(pointer, "invalid_definition", ex.Message, "此处内容不符合流程定义格式。")]);
        }
    }

    internal static string Actor(ClaimsPrincipal user) => user.GetClaim(OpenIddictConstants.Claims.Subject) ?? "unknown";
}
