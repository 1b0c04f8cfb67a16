namespace OneThing.Host.Hosting;

/// <summary>
/// One field-level error, shaped after the example in RFC 9457 §3: a JSON pointer into the request body,
/// a stable code and the message in English and Chinese.
/// </summary>
public sealed record FieldError(string Pointer, string Code, string Detail, string DetailZh);
