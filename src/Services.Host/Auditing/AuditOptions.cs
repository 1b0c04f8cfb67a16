using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Auditing;

/// <summary>Settings of the audit trail, section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How often each node chains new events (<c>Audit:ChainInterval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ChainInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Events chained per transaction (<c>Audit:ChainBatchSize</c>).</summary>
    [Range(1, 10_000)]
    public int ChainBatchSize { get; set; } = 500;

    /// <summary>Recorded on the chain head as the node that chained last (<c>Audit:NodeName</c>).</summary>
    [Required]
    public string NodeName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
