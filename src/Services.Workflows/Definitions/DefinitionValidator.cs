using System.Text.Json.Nodes;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Activities.Builtin;
using OneThing.Workflows.Expressions;

namespace OneThing.Workflows.Definitions;

/// <summary>
/// Checks a definition before it can be published or run, and says precisely where each problem is
/// (a JSON pointer into the definition) in English and Chinese.
/// </summary>
public sealed class DefinitionValidator(ActivityRegistry registry, IEnumerable<IDefinitionCheck>? checks = null)
{
    private readonly IReadOnlyList<IDefinitionCheck> _checks = checks?.ToList() ?? [];

    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
        void Add(string pointer, string code, string message, string messageZh) => errors.Add(new DefinitionError(pointer, code, message, messageZh));

        if (string.IsNullOrWhiteSpace(definition.Id) || definition.Id.Length > 64 || !definition.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            Add("#/id", "invalid_id", "The id must be 1–64 letters, digits, '-' or '_'.", "编号须为 1–64 位字母、数字、“-”或“_”。");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            Add("#/name", "missing_name", "The workflow needs a name.", "流程名称不能为空。");
        }

        if (definition.Version < 1)
        {
            Add("#/version", "invalid_version", "The version must be 1 or more.", "版本号须不小于 1。");
        }

        foreach (var (variable, index) in definition.Variables.Select((v, i) => (v, i)))
        {
            if (string.IsNullOrWhiteSpace(variable.Name))
            {
                Add($"#/variables/{index}/name", "missing_variable_name", "Every variable needs a name.", "每个变量都需要名称。");
            }
            else if (definition.Variables.Take(index).Any(v => v.Name == variable.Name))
            {
                Add($"#/variables/{index}/name", "duplicate_variable", $"Variable '{variable.Name}' is declared twice.", $"变量“{variable.Name}”重复声明。");
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            if (string.IsNullOrWhiteSpace(activity.Id))
            {
                Add($"#/activities/{i}/id", "missing_activity_id", "Every activity needs an id.", "每个环节都需要编号。");
            }
            else if (activity.Id.Length > 64 || !activity.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                // The engine names branches and join arrivals with '/', '#', '|' and ':'; ids must not contain them.
                Add($"#/activities/{i}/id", "invalid_activity_id", "An activity id is 1–64 letters, digits, '-', '_' or '.'.", "环节编号须为 1–64 位字母、数字、“-”“_”或“.”。");
            }
            else if (!ids.TryAdd(activity.Id, i))
            {
                Add($"#/activities/{i}/id", "duplicate_activity_id", $"Activity id '{activity.Id}' is used twice.", $"环节编号“{activity.Id}”重复。");
            }

            ValidateActivity(activity, i, Add);
        }

        var starts = definition.Activities.Select((a, i) => (a, i)).Where(x => x.a.Type == StartActivity.TypeName).ToList();
        if (starts.Count != 1)
        {
            Add(starts.Count == 0 ? "#/activities" : $"#/activities/{starts[1].i}", "start_count",
                $"A workflow has exactly one Start activity; this one has {starts.Count}.", $"流程须有且仅有一个开始环节，当前有 {starts.Count} 个。");
        }

        ValidateConnections(definition, ids, Add);
        ValidateCompensation(definition, ids, Add);
        if (errors.Count == 0)
        {
            ValidateGraph(definition, ids, starts[0].a.Id, Add);
        }

        foreach (var check in _checks)
        {
            errors.AddRange(check.Validate(definition));
        }

        return errors;
    }

    private void ValidateActivity(ActivityDefinition activity, int index, Action<string, string, string, string> add)
    {
        var descriptor = registry.Find(activity.Type);
        if (descriptor is null)
        {
            add($"#/activities/{index}/type", "unknown_activity_type", $"'{activity.Type}' is not a registered activity type.", $"“{activity.Type}”不是已注册的环节类型。");
            return;
        }

        foreach (var input in descriptor.Inputs.Where(i => i.Required))
        {
            if (!activity.Inputs.TryGetPropertyValue(input.Name, out var value) || value is null)
            {
                add($"#/activities/{index}/inputs/{input.Name}", "missing_required_input",
                    $"{activity.Type} '{activity.Id}' needs input '{input.Name}'.", $"环节“{activity.Id}”（{activity.Type}）缺少必填输入“{input.Name}”。");
            }
        }

        if (activity.Type == JoinActivity.TypeName && activity.Inputs.TryGetPropertyValue("mode", out var mode)
            && !(mode is JsonValue text && text.TryGetValue<string>(out var m) && m is "WaitAll" or "WaitAny"))
        {
            add($"#/activities/{index}/inputs/mode", "invalid_join_mode", "A join's mode is the literal \"WaitAll\" or \"WaitAny\".", "汇聚方式只能是 WaitAll 或 WaitAny。");
        }

        foreach (var (name, value) in activity.Inputs)
        {
            if (!descriptor.Inputs.Any(i => i.Name == name))
            {
                add($"#/activities/{index}/inputs/{name}", "unknown_input", $"{activity.Type} has no input '{name}'.", $"{activity.Type} 没有输入“{name}”。");
            }

            foreach (var (pointer, script) in Expressions(value, $"#/activities/{index}/inputs/{Escape(name)}"))
            {
                if (ExpressionEvaluator.ParseError(script) is { } error)
                {
                    add(pointer, "expression_parse_error", $"The expression does not parse: {error}", $"表达式无法解析：{error}");
                }
            }
        }
    }

    private void ValidateConnections(WorkflowDefinition definition, Dictionary<string, int> ids, Action<string, string, string, string> add)
    {
        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            if (!ids.TryGetValue(connection.Source, out var sourceIndex))
            {
                add($"#/connections/{i}/source", "dangling_connection", $"Connection source '{connection.Source}' is not an activity.", $"连线起点“{connection.Source}”不存在。");
            }

            if (!ids.ContainsKey(connection.Target))
            {
                add($"#/connections/{i}/target", "dangling_connection", $"Connection target '{connection.Target}' is not an activity.", $"连线终点“{connection.Target}”不存在。");
            }

            if (!seen.Add((connection.Source, connection.Outcome, connection.Target)))
            {
                add($"#/connections/{i}", "duplicate_connection", $"{connection.Source}:{connection.Outcome} → {connection.Target} is connected twice.", "同一条连线重复出现。");
            }

            if (ids.ContainsKey(connection.Source) && OutcomesOf(definition.Activities[sourceIndex]) is { } outcomes && !outcomes.Contains(connection.Outcome))
            {
                add($"#/connections/{i}/outcome", "unknown_outcome",
                    $"'{connection.Source}' has no outcome '{connection.Outcome}' (it has {string.Join(", ", outcomes)}).",
                    $"环节“{connection.Source}”没有结果“{connection.Outcome}”。");
            }
        }

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            if (activity.Type == JoinActivity.TypeName)
            {
                var inbound = definition.Connections.Where(c => c.Target == activity.Id).Select(c => c.Source).Distinct().Count();
                if (inbound < 2)
                {
                    add($"#/activities/{i}", "join_single_input", $"Join '{activity.Id}' is reached from {inbound} activity(ies); a join merges two or more branches.", $"汇聚环节“{activity.Id}”只来自 {inbound} 个环节，至少需要 2 个分支。");
                }
            }
        }
    }

    private void ValidateCompensation(WorkflowDefinition definition, Dictionary<string, int> ids, Action<string, string, string, string> add)
    {
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            if (definition.Activities[i].CompensateWith is not { } compensator)
            {
                continue;
            }

            if (!ids.TryGetValue(compensator, out var target))
            {
                add($"#/activities/{i}/compensateWith", "unknown_compensator", $"Compensating activity '{compensator}' does not exist.", $"补偿环节“{compensator}”不存在。");
            }
            else if (registry.Find(definition.Activities[target].Type) is { Waits: true })
            {
                add($"#/activities/{i}/compensateWith", "waiting_compensator", $"Compensating activity '{compensator}' waits; compensation must finish at once.", $"补偿环节“{compensator}”不能是等待型环节。");
            }
        }
    }

    /// <summary>Reachability from Start (compensators excepted) and loops that never wait.</summary>
    private void ValidateGraph(WorkflowDefinition definition, Dictionary<string, int> ids, string start, Action<string, string, string, string> add)
    {
        var next = definition.Connections.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Select(c => c.Target).Distinct().ToList());
        var compensators = definition.Activities.Where(a => a.CompensateWith is not null).Select(a => a.CompensateWith!).ToHashSet();

        var reached = new HashSet<string> { start };
        var frontier = new Stack<string>([start]);
        while (frontier.TryPop(out var id))
        {
            foreach (var target in next.GetValueOrDefault(id, []))
            {
                if (reached.Add(target))
                {
                    frontier.Push(target);
                }
            }
        }

        foreach (var activity in definition.Activities.Where(a => !reached.Contains(a.Id) && !compensators.Contains(a.Id)))
        {
            add($"#/activities/{ids[activity.Id]}", "unreachable_activity", $"'{activity.Id}' cannot be reached from Start.", $"环节“{activity.Id}”从开始环节无法到达。");
        }

        // Without the activities that wait, what remains must be acyclic: a loop there would spin forever.
        bool Waits(string id) => registry.Find(definition.Activities[ids[id]].Type)?.Waits == true;
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the DFS path, 2 = done
        var reported = new HashSet<string>();
        foreach (var root in definition.Activities.Select(a => a.Id).Where(id => !Waits(id)))
        {
            if (FindCycle(root) is { } onCycle && reported.Add(onCycle))
            {
                add($"#/activities/{ids[onCycle]}", "loop_without_wait",
                    $"'{onCycle}' is on a loop with no waiting activity (task, timer, sub-workflow): it would run forever.",
                    $"环节“{onCycle}”所在的循环中没有等待型环节，会无限执行。");
            }
        }

        string? FindCycle(string id)
        {
            if (state.TryGetValue(id, out var mark))
            {
                return mark == 1 ? id : null;
            }

            state[id] = 1;
            foreach (var target in next.GetValueOrDefault(id, []).Where(t => !Waits(t)))
            {
                if (FindCycle(target) is { } found)
                {
                    state[id] = 2;
                    return found;
                }
            }

            state[id] = 2;
            return null;
        }
    }

    /// <summary>The outcomes an activity can produce, or null when they come from an expression (checked at run time).</summary>
    private HashSet<string>? OutcomesOf(ActivityDefinition activity)
    {
        var descriptor = registry.Find(activity.Type);
        if (descriptor is null)
        {
            return null;
        }

        var outcomes = descriptor.Outcomes.ToHashSet(StringComparer.Ordinal);
        if (descriptor.OutcomesFromInput is { } input && activity.Inputs.TryGetPropertyValue(input, out var value))
        {
            if (value is not JsonArray array)
            {
                return null;
            }

            foreach (var item in array)
            {
                switch (item)
                {
                    case JsonValue v when v.TryGetValue<string>(out var name):
                        outcomes.Add(name);
                        break;
                    case JsonObject o when o["name"] is JsonValue n && n.TryGetValue<string>(out var caseName):
                        outcomes.Add(caseName);
                        break;
                }
            }
        }

        return outcomes;
    }

    private static IEnumerable<(string Pointer, string Script)> Expressions(JsonNode? value, string pointer)
    {
        if (ExpressionEvaluator.IsExpression(value, out var script))
        {
            yield return (pointer, script);
            yield break;
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var found in Expressions(child, $"{pointer}/{Escape(key)}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in Expressions(array[i], $"{pointer}/{i}"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

/// <summary>One problem in a definition: where (JSON pointer), a stable code, and the message in English and Chinese.</summary>
public sealed record DefinitionError(string Pointer, string Code, string Message, string MessageZh);

/// <summary>
/// A host's own rules for the definitions it runs (e.g. that a journey's form is a usable schema), applied
/// with the runtime's on every validation: publishing, importing and loading files.
/// </summary>
public interface IDefinitionCheck
{
    IEnumerable<DefinitionError> Validate(WorkflowDefinition definition);
}
