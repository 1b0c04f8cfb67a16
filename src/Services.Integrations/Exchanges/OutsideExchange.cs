namespace OneThing.Integrations.Exchanges;

/// <summary>One HTTP exchange with an outside system, as the audit trail records it.</summary>
/// <param name="Client">The outside system or configured endpoint, when the caller named it.</param>
/// <param name="Uri">The full request address; the recorder keeps the host and path and drops query values.</param>
/// <param name="Status">The response status, or null when no response came (a timeout, a refused connection).</param>
/// <param name="RequestSha256">Lower-case hex SHA-256 of the request body (of an empty body when there was none).</param>
/// <param name="ResponseSha256">Lower-case hex SHA-256 of the response body; null without a response.</param>
public sealed record OutsideExchange(
    string? Client, string Method, Uri Uri, int? Status, string RequestSha256, string? ResponseSha256, TimeSpan Duration, string? Error);
