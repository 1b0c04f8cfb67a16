using MassTransit;
using OneThing.Contracts.Notifications;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Hosting;
using OneThing.Host.Sandbox.DepartmentSystems;
using OneThing.Host.Persistence;
using OneThing.Workflows.Messages;
using OneThing.Workflows.Messaging;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on the configured transport, with kebab-case endpoints for every consumer in this
    /// assembly, retries, and the inbox on every endpoint; plus our own transactional outbox.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section);
        var sandbox = HostProfile.From(builder.Configuration).Sandbox;
        builder.Services.Configure<SandboxDepartmentOptions>(builder.Configuration.GetSection(SandboxDepartmentOptions.Section));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumers(type => type != typeof(SandboxDepartmentSystem), typeof(MessagingExtensions).Assembly, typeof(WorkflowRuntime).Assembly);
            if (sandbox)
            {
                // The sandbox stands in for every department's back-office system on its queue.
                bus.AddConsumer<SandboxDepartmentSystem>().ExcludeFromConfigureEndpoints();
            }

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2_000, 10_000));
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });

            if (options.UsesRabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(options.RabbitMqUri!));
                    ConfigureSandboxDepartments(context, rabbit, sandbox);
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) =>
                {
                    ConfigureSandboxDepartments(context, memory, sandbox);
                    memory.ConfigureEndpoints(context);
                });
            }
        });

        // The bus is up before the outbox dispatcher (registered after it) starts sending.
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddOutbox<AppDbContext>(outbox =>
        {
            outbox.PollInterval = options.OutboxPollInterval;
            outbox.LeaseDuration = options.OutboxLease;
            outbox.MessageTypes.AddFrom(typeof(NotificationRequested).Assembly, "OneThing.Contracts");
            outbox.MessageTypes.AddFrom(typeof(ResumeBookmark).Assembly, "OneThing.Workflows.Messages");
        });

        return builder;
    }

    private static void ConfigureSandboxDepartments(IBusRegistrationContext context, IBusFactoryConfigurator bus, bool sandbox)
    {
        if (!sandbox)
        {
            return;
        }

        foreach (var department in DepartmentSeeder.Catalogue)
        {
            bus.ReceiveEndpoint(MatterActivity.DepartmentQueue(department.Code), endpoint => endpoint.ConfigureConsumer<SandboxDepartmentSystem>(context));
        }
    }
}
