using System.Collections;

namespace OneThing.Host.Privacy;

/// <summary>
/// Masks ID numbers, mobile numbers and bank cards (<see cref="Masking.Text"/>) in a log record before any provider sees
/// it: the formatted message, every structured value (so exporters of structured state get masked values too), scope
/// values, and the text of an attached exception. A message template (<c>{OriginalFormat}</c>) is masked too: a message built by concatenation carries its data there.
/// </summary>
public sealed class MaskingLogger(ILogger inner) : ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => state switch
    {
        string text => inner.BeginScope(Masking.Text(text)),
        IReadOnlyList<KeyValuePair<string, object?>> values => inner.BeginScope(new MaskedState(values, Masking.Text(state.ToString()))),
        _ => inner.BeginScope(state),
    };

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = Masking.Text(formatter(state, exception));
        var masked = state is IReadOnlyList<KeyValuePair<string, object?>> values ? new MaskedState(values, message) : new MaskedState([], message);
        inner.Log(logLevel, eventId, masked, MaskedException.Of(exception), static (s, _) => s.Message);
    }

    /// <summary>Structured state with masked values; <see cref="ToString"/> is the masked message.</summary>
    private sealed class MaskedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = [.. values.Select(Mask)];

        public string Message => message;

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;

        private static KeyValuePair<string, object?> Mask(KeyValuePair<string, object?> pair) => pair switch
        {
            // A template normally holds no data, but a message built by concatenation is its own template.
            { Key: OriginalFormat, Value: string template } => new(pair.Key, Masking.Text(template)),
            { Value: null or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid or double or float or decimal } => pair,
            { Value: string text } => new(pair.Key, Masking.Text(text)),
            { Value: int or short or byte } => pair,
            { Value: IEnumerable items and not string } => new(pair.Key, Masking.Text(string.Join(", ", items.Cast<object?>()))),
            _ => new(pair.Key, Masking.Text(Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture))),
        };
    }

    /// <summary>An exception whose text held personal numbers, replaced by its masked text (type and stack trace kept as text).</summary>
    private sealed class MaskedException(string text) : Exception(text)
    {
        public static Exception? Of(Exception? exception)
        {
            if (exception is null)
            {
                return null;
            }

            var text = exception.ToString();
            var masked = Masking.Text(text);
            return masked == text ? exception : new MaskedException(masked);
        }

        public override string ToString() => Message;
    }
}
