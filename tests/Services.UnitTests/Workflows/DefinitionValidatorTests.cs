using System.Text.Json.Nodes;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Activities.Builtin;
using OneThing.Workflows.Definitions;

namespace OneThing.UnitTests.Workflows;

/// <summary>Each kind of definition problem is reported with its code and a JSON pointer to where it is.</summary>
public sealed class DefinitionValidatorTests
{
    private static readonly DefinitionValidator Validator = new(new ActivityRegistry().AddBuiltins());

    [Fact]
    public void A_sound_definition_has_no_errors() => Assert.Empty(Validator.Validate(Valid()));

    [Fact]
    public void Unknown_activity_type_points_at_its_type()
    {
        var definition = Valid() with { Activities = [.. Valid().Activities, Activity("x", "Teleport")], Connections = [.. Valid().Connections, Connect("task", "x", "Approve")] };
        AssertError(definition, "unknown_activity_type", "#/activities/4/type");
    }

    [Fact]
    public void Dangling_connection_points_at_the_missing_end()
    {
        var definition = Valid() with { Connections = [.. Valid().Connections, Connect("task", "nowhere", "Reject")] };
        AssertError(definition, "dangling_connection", "#/connections/3/target");
    }

    [Fact]
    public void Duplicate_connection_is_reported_once_at_the_repeat()
    {
        var definition = Valid() with { Connections = [.. Valid().Connections, Connect("start", "set")] };
        AssertError(definition, "duplicate_connection", "#/connections/3");
    }

    [Fact]
    public void Unreachable_activity_is_named()
    {
        var definition = Valid() with { Activities = [.. Valid().Activities, Activity("orphan", "End")] };
        AssertError(definition, "unreachable_activity", "#/activities/4");
    }

    [Fact]
    public void Loop_without_a_waiting_activity_is_refused_and_one_through_a_task_is_not()
    {
        var spinning = Valid() with { Connections = [.. Valid().Connections, Connect("set", "start")] };
        AssertError(spinning, "loop_without_wait", "#/activities/0");

        var correcting = Valid() with { Connections = [.. Valid().Connections, Connect("task", "set", "Reject")] };
        Assert.Empty(Validator.Validate(correcting));
    }

    [Fact]
    public void Join_with_a_single_input_is_refused()
    {
        var definition = Valid() with
        {
            Activities = [.. Valid().Activities, Activity("join", "Join")],
            Connections = [.. Valid().Connections, Connect("task", "join", "Reject"), Connect("join", "end")],
        };
        AssertError(definition, "join_single_input", "#/activities/4");
    }

    [Fact]
    public void Missing_required_input_points_at_the_input()
    {
        var definition = Valid() with { Activities = [Valid().Activities[0], Activity("set", "SetVariable", new JsonObject { ["variable"] = "x" }), .. Valid().Activities.Skip(2)] };
        AssertError(definition, "missing_required_input", "#/activities/1/inputs/value");
    }

    [Fact]
    public void Expression_that_does_not_parse_points_into_the_input()
    {
        var definition = Valid() with
        {
            Activities = [Valid().Activities[0], Activity("set", "SetVariable", new JsonObject { ["variable"] = "x", ["value"] = new JsonObject { ["js"] = "variables.x +* 2" } }), .. Valid().Activities.Skip(2)],
        };
        var error = AssertError(definition, "expression_parse_error", "#/activities/1/inputs/value");
        Assert.Contains("表达式", error.MessageZh);
    }

    [Fact]
    public void Expression_nested_in_switch_cases_is_checked_too()
    {
        var definition = Valid() with
        {
            Activities = [.. Valid().Activities, Activity("route", "Switch", new JsonObject
            {
                ["cases"] = new JsonArray(new JsonObject { ["name"] = "A", ["condition"] = new JsonObject { ["js"] = "(((" } }),
            })],
            Connections = [.. Valid().Connections, Connect("task", "route", "Reject"), Connect("route", "end", "A")],
        };
        AssertError(definition, "expression_parse_error", "#/activities/4/inputs/cases/0/condition");
    }

    [Fact]
    public void Outcome_the_source_does_not_have_is_refused()
    {
        var definition = Valid() with { Connections = [.. Valid().Connections, Connect("task", "end", "Maybe")] };
        AssertError(definition, "unknown_outcome", "#/connections/3/outcome");
    }

    [Fact]
    public void Exactly_one_start_and_known_compensators()
    {
        var noStart = Valid() with { Activities = Valid().Activities.Skip(1).ToList(), Connections = Valid().Connections.Skip(1).ToList() };
        AssertError(noStart, "start_count", "#/activities");

        var badCompensator = Valid() with { Activities = [Valid().Activities[0], Valid().Activities[1] with { CompensateWith = "ghost" }, .. Valid().Activities.Skip(2)] };
        AssertError(badCompensator, "unknown_compensator", "#/activities/1/compensateWith");

        var waitingCompensator = Valid() with { Activities = [Valid().Activities[0], Valid().Activities[1] with { CompensateWith = "task" }, .. Valid().Activities.Skip(2)] };
        AssertError(waitingCompensator, "waiting_compensator", "#/activities/1/compensateWith");
    }

    [Fact]
    public void Ids_with_branch_separators_join_modes_that_are_not_literal_and_nameless_variables_are_refused()
    {
        var slashId = Valid() with { Activities = [Valid().Activities[0], Valid().Activities[1] with { Id = "set/1" }, .. Valid().Activities.Skip(2)], Connections = [Connect("start", "set/1"), Connect("set/1", "task"), Connect("task", "end", "Approve")] };
        AssertError(slashId, "invalid_activity_id", "#/activities/1/id");

        var join = Valid() with
        {
            Activities = [.. Valid().Activities, Activity("fork", "Fork"), Activity("b", "End"), Activity("join", "Join", new JsonObject { ["mode"] = new JsonObject { ["js"] = "'WaitAny'" } })],
            Connections = [.. Valid().Connections, Connect("task", "fork", "Reject"), Connect("fork", "b"), Connect("fork", "join"), Connect("set", "join")],
        };
        AssertError(join, "invalid_join_mode", "#/activities/6/inputs/mode");

        var nameless = Valid() with { Variables = [new VariableDefinition(null!)] };
        AssertError(nameless, "missing_variable_name", "#/variables/0/name");
    }

    [Fact]
    public void Explicit_nulls_for_lists_and_inputs_read_as_empty()
    {
        var definition = WorkflowJson.Parse("""{ "id": "n", "name": "N", "variables": null, "connections": null, "activities": [{ "id": "start", "type": "Start", "inputs": null }] }""");
        Assert.Empty(definition.Variables);
        Assert.Empty(definition.Connections);
        Assert.Empty(definition.Activities[0].Inputs);
        Assert.Empty(Validator.Validate(definition));
    }

    private static DefinitionError AssertError(WorkflowDefinition definition, string code, string pointer)
    {
        var errors = Validator.Validate(definition);
        var error = Assert.Single(errors, e => e.Code == code);
        Assert.Equal(pointer, error.Pointer);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageZh));
        return error;
    }

    private static WorkflowDefinition Valid() => new()
    {
        Id = "sound",
        Name = "Sound",
        Activities =
        [
            Activity("start", StartActivity.TypeName),
            Activity("set", "SetVariable", new JsonObject { ["variable"] = "x", ["value"] = new JsonObject { ["js"] = "1 + 1" } }),
            Activity("task", "HumanTask", new JsonObject { ["title"] = "Review", ["outcomes"] = new JsonArray("Approve", "Reject") }),
            Activity("end", "End"),
        ],
        Connections = [Connect("start", "set"), Connect("set", "task"), Connect("task", "end", "Approve")],
    };

    private static ActivityDefinition Activity(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Inputs = inputs ?? [] };

    private static ConnectionDefinition Connect(string source, string target, string outcome = "Done") => new() { Source = source, Target = target, Outcome = outcome };
}
