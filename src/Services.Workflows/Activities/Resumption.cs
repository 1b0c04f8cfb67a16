using System.Text.Json.Nodes;

namespace OneThing.Workflows.Activities;

/// <summary>A bookmark being resumed: which one, the chosen outcome, who decided, and what they sent.</summary>
public sealed record Resumption(string BookmarkId, string BookmarkName, string? Outcome, string Actor, JsonObject? Data);
