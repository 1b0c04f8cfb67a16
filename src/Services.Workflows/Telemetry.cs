using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OneThing.Workflows;

/// <summary>The activity source and meter our own code reports to (exported by the host's OpenTelemetry set-up).</summary>
public static class Telemetry
{
    public const string SourceName = "OneThing";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);

    public static readonly Counter<long> OutboxDispatched =
        Meter.CreateCounter<long>("onething.outbox.dispatched", description: "Outbox messages handed to the bus.");

    public static readonly Counter<long> OutboxFailures =
        Meter.CreateCounter<long>("onething.outbox.failures", description: "Outbox dispatch attempts that failed and will be retried.");

    public static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("onething.inbox.duplicates", description: "Messages delivered again and skipped by the inbox.");

    public static readonly Counter<long> InstancesStarted =
        Meter.CreateCounter<long>("onething.workflow.instances.started", description: "Workflow instances started.");

    public static readonly Counter<long> InstancesCompleted =
        Meter.CreateCounter<long>("onething.workflow.instances.completed", description: "Workflow instances that completed.");

    public static readonly Counter<long> ActivitiesFaulted =
        Meter.CreateCounter<long>("onething.workflow.activities.faulted", description: "Activity executions that raised an incident.");

    public static readonly Histogram<double> ActivityDuration =
        Meter.CreateHistogram<double>("onething.workflow.activity.duration", unit: "ms", description: "Time an activity's execute step took.");

    public static readonly Histogram<double> DispatchLag =
        Meter.CreateHistogram<double>("onething.workflow.dispatch.lag", unit: "ms", description: "Delay between a timer's due time (or a resume being queued) and the run that handled it.");
}
