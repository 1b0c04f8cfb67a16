namespace OneThing.Workflows.Runtime;

/// <summary>Settings of the workflow runtime (section <c>Workflows</c>).</summary>
public sealed class WorkflowsOptions
{
    /// <summary>Folder of definition files loaded and published at start-up.</summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>How often each node looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node holds claimed timers before another node may take them.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(30);

    public int TimerBatchSize { get; set; } = 100;
}
