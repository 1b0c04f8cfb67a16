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
}
