using System.Text.Json.Nodes;

namespace OneThing.Host.Cases.Evaluations;

/// <summary>
/// A rating: levels per indicator (<c>overall</c> required; see <see cref="EvaluationIndicators"/>), optionally a
/// level per matter of the case, and a comment. <c>channel</c> is <c>online</c> (the applicant) or <c>window</c> (the
/// window clerk for an assisted case); it defaults to the caller's.
/// </summary>
public sealed record EvaluationRequest(string? Channel, Dictionary<string, JsonNode?>? Levels, List<MatterRating>? Matters, string? Comment);

/// <summary>The level given to one matter (事项) of the case, answerable by its department.</summary>
public sealed record MatterRating(string? Matter, JsonNode? Level);
