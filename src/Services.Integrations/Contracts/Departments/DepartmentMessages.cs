using System.Text.Json.Nodes;

namespace OneThing.Contracts.Departments;

/// <summary>
/// Sent to a department's back-office endpoint (queue <c>department-{code}</c>) when one of its matters
/// reaches its queue. The department's own system may decide it and answer with <see cref="MatterDecided"/>;
/// otherwise a clerk decides it in OneThing.
/// </summary>
/// <param name="TaskId">The task to decide; quoted back in the answer.</param>
/// <param name="Form">The case's form (the department's data to work on).</param>
/// <param name="Materials">Licence ids and types used by the case, by material code.</param>
public sealed record MatterSubmitted(
    Guid TaskId,
    string CaseNumber,
    string JourneyCode,
    string MatterCode,
    string MatterName,
    string DepartmentCode,
    DateTimeOffset? PromisedDueAt,
    JsonObject Form,
    JsonObject Materials);

/// <summary>A department system's decision on a matter (<c>Approve</c> or <c>Reject</c> with a reason).</summary>
/// <param name="System">The deciding system's client id, e.g. <c>tax-system</c>.</param>
public sealed record MatterDecided(
    Guid TaskId,
    string CaseNumber,
    string DepartmentCode,
    string Outcome,
    string? Reason,
    string System);
