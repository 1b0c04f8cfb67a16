using System.Runtime.CompilerServices;
using OneThing.Workflows.Definitions;

namespace OneThing.Workflows.Execution;

/// <summary>A definition's connections indexed for the engine; built once per definition object.</summary>
internal sealed class FlowGraph
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, FlowGraph> Cache = new();

    private readonly Dictionary<(string Source, string Outcome), List<string>> _targets = new();
    private readonly Dictionary<string, List<ConnectionDefinition>> _inbound = new(StringComparer.Ordinal);

    private FlowGraph(WorkflowDefinition definition)
    {
        Activities = definition.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var connection in definition.Connections)
        {
            var key = (connection.Source, connection.Outcome);
            if (!_targets.TryGetValue(key, out var list))
            {
                _targets[key] = list = [];
            }

            list.Add(connection.Target);
            if (!_inbound.TryGetValue(connection.Target, out var inbound))
            {
                _inbound[connection.Target] = inbound = [];
            }

            inbound.Add(connection);
        }
    }

    public IReadOnlyDictionary<string, ActivityDefinition> Activities { get; }

    public static FlowGraph Of(WorkflowDefinition definition) => Cache.GetValue(definition, d => new FlowGraph(d));

    public IReadOnlyList<string> Targets(string source, string outcome) =>
        _targets.TryGetValue((source, outcome), out var list) ? list : [];

    public IReadOnlyList<ConnectionDefinition> Inbound(string target) =>
        _inbound.TryGetValue(target, out var list) ? list : [];
}
