using System.Text.Json.Nodes;

namespace OneThing.Workflows.Messages;

/// <summary>Resume a bookmark (a timer fired, a department system answered, a child workflow finished).</summary>
public sealed record ResumeBookmark(Guid BookmarkId, string? Outcome, JsonObject? Data, string Actor);

/// <summary>Run a created instance (children are created with their parent's commit and started by this message).</summary>
public sealed record StartWorkflowInstance(Guid InstanceId);

/// <summary>Cancel an instance (a parent's branch was cancelled while its child was still running).</summary>
public sealed record CancelWorkflowInstance(Guid InstanceId, string Reason, string Actor);
