namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>A test on the shared PostgreSQL + RabbitMQ host; starts from a reset database.</summary>
[Collection(PlatformCollection.Name)]
public abstract class PlatformTest(PlatformFixture platform) : IAsyncLifetime
{
    protected PlatformFixture Platform { get; } = platform;

    public virtual Task InitializeAsync() => Platform.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
