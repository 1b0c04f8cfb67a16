using Microsoft.Extensions.Options;

namespace OneThing.Host.Privacy;

/// <summary>
/// The host's <see cref="ILoggerFactory"/>: the standard factory over every registered provider (console, OpenTelemetry,
/// and whatever a test adds), with each logger wrapped in a <see cref="MaskingLogger"/>. Wrapping the factory rather
/// than each provider means a provider registered later is masked too.
/// </summary>
public sealed class MaskingLoggerFactory(
    IEnumerable<ILoggerProvider> providers,
    IOptionsMonitor<LoggerFilterOptions> filters,
    IOptions<LoggerFactoryOptions> options,
    IExternalScopeProvider? scopes = null) : ILoggerFactory
{
    private readonly LoggerFactory _inner = new(providers, filters, options, scopes);

    public ILogger CreateLogger(string categoryName) => new MaskingLogger(_inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose() => _inner.Dispose();
}
