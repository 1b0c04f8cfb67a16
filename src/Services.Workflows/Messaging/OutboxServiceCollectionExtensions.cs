using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace OneThing.Workflows.Messaging;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The transactional outbox and inbox over <typeparamref name="TContext"/>. The context must map the
    /// tables (<see cref="OutboxModelBuilderExtensions.AddOutboxAndInbox"/>) and add the registered
    /// <see cref="IInterceptor"/>s to its options; endpoints add <see cref="InboxFilter{T}"/> as a consume filter.
    /// </summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services, Action<OutboxOptions> configure)
        where TContext : DbContext
    {
        services.Configure(configure);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddScoped(sp => new DbContextAccessor(sp.GetRequiredService<TContext>()));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
