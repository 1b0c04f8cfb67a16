namespace OneThing.Host.Documents;

/// <summary>One matter (事项) on a completion notice: what, by whom, with what result, when.</summary>
public sealed record MatterOutcome(string Matter, string Department, string Result, DateOnly Date);
