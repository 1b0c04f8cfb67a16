using OneThing.Host.Cases.Activities;
using OneThing.Host.Persistence;
using OneThing.Integrations;
using OneThing.Workflows;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Admin;

public static class WorkflowSetup
{
    /// <summary>
    /// The workflow runtime with OneThing's activities, definitions loaded from the <c>workflows/</c>
    /// folder copied beside the binary (section <c>Workflows</c> overrides).
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowRuntime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddWorkflows(activities => activities.AddIntegrationActivities().AddCaseActivities(), configure: options =>
        {
            builder.Configuration.GetSection("Workflows").Bind(options);
            options.DefinitionsFolder ??= Path.Combine(AppContext.BaseDirectory, "workflows");
        });
        return builder;
    }

    /// <summary>Publishes definition files that are not stored yet (every start; a bad file is logged and skipped).</summary>
    public static async Task LoadWorkflowDefinitionsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var folder = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkflowsOptions>>().Value.DefinitionsFolder!;
        try
        {
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LoadFolderAsync(folder, app.Lifetime.ApplicationStopping);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            // Another node published the same file at the same moment; what it stored is the same.
            app.Logger.LogInformation("Workflow definitions were being loaded by another node: {Reason}", ex.InnerException?.Message ?? ex.Message);
        }
    }
}
