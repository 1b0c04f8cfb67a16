using Microsoft.Extensions.DependencyInjection;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Activities.Builtin;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Execution;
using OneThing.Workflows.Expressions;
using OneThing.Workflows.Runtime;

namespace OneThing.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// The workflow runtime: built-in activities plus the host's (<paramref name="activities"/>), the engine,
    /// definition versions, the durable runtime and the timer dispatcher. The host maps the tables
    /// (<see cref="WorkflowModelBuilderExtensions.AddWorkflowRuntime"/>), registers the outbox, and adds the
    /// consumers in this assembly to its bus.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<ActivityRegistry>? activities = null, Action<WorkflowsOptions>? configure = null)
    {
        var registry = new ActivityRegistry().AddBuiltins();
        activities?.Invoke(registry);
        services.AddSingleton(registry);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<DefinitionStore>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<DeadLetters>();
        services.AddScoped<InstanceMigrator>();
        services.AddSingleton<TimerDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerDispatcher>());
        return services;
    }
}
