using OneThing.Contracts.Notifications;
using OneThing.Workflows.Messaging;

namespace OneThing.UnitTests.Messaging;

public sealed class OutboxMessageTypesTests
{
    [Fact]
    public void Only_registered_contracts_resolve()
    {
        var types = new OutboxMessageTypes().AddFrom(typeof(NotificationRequested).Assembly, "OneThing.Contracts");

        Assert.True(types.TryResolve(typeof(NotificationRequested).FullName!, out var resolved));
        Assert.Equal(typeof(NotificationRequested), resolved);
        // A stored type name never reaches Type.GetType: anything outside the contracts is refused.
        Assert.False(types.TryResolve(typeof(System.Diagnostics.Process).FullName!, out _));
        Assert.False(types.TryResolve(typeof(OneThing.Integrations.IntegrationsExtensions).FullName!, out _));
    }
}
