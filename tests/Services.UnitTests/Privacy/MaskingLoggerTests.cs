using Microsoft.Extensions.Logging;
using OneThing.Host.Privacy;

namespace OneThing.UnitTests.Privacy;

public sealed class MaskingLoggerTests
{
    [Fact]
    public void Messages_structured_values_and_exceptions_reach_the_provider_masked()
    {
        var inner = new RecordingLogger();
        ILogger logger = new MaskingLogger(inner);

        logger.LogWarning(new InvalidOperationException("holder 371702199003071231 refused"),
            "Pull for {Holder} by phone {Phone} ({Count} tries)", "371702199003071231", 13800000001L, 2);

        var (message, state, exception) = Assert.Single(inner.Records);
        Assert.Equal("Pull for 3717**********1231 by phone 138****0001 (2 tries)", message);
        Assert.Contains(state, kv => kv.Key == "Holder" && (string?)kv.Value == "3717**********1231");
        Assert.Contains(state, kv => kv.Key == "Phone" && (string?)kv.Value == "138****0001");
        Assert.Contains(state, kv => kv.Key == "Count" && kv.Value is 2);
        Assert.Contains(state, kv => kv.Key == "{OriginalFormat}" && (string?)kv.Value == "Pull for {Holder} by phone {Phone} ({Count} tries)");
        Assert.DoesNotContain("371702199003071231", exception);
        Assert.Contains("3717**********1231", exception);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(string Message, List<KeyValuePair<string, object?>> State, string Exception)> Records { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Records.Add((formatter(state, exception), state is IEnumerable<KeyValuePair<string, object?>> kv ? [.. kv] : [], exception?.ToString() ?? string.Empty));
    }
}
