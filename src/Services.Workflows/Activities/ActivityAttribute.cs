namespace OneThing.Workflows.Activities;

/// <summary>Describes an activity type for the registry and the designer.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    public string Type { get; } = type;

    public string? DisplayName { get; init; }

    public string Category { get; init; } = "General";

    public string? Description { get; init; }

    /// <summary>Fixed outcomes. Activities whose outcomes come from an input name it in <see cref="OutcomesFromInput"/>.</summary>
    public string[] Outcomes { get; init; } = [Activities.Outcomes.Done];

    /// <summary>An input (array of strings, or of objects with a <c>name</c>) that lists further outcomes.</summary>
    public string? OutcomesFromInput { get; init; }

    /// <summary>The activity waits on a bookmark (a person, a timer, a child workflow): loops must contain one.</summary>
    public bool Waits { get; init; }
}

/// <summary>Declares one input of an activity type.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InputAttribute(string name, InputKind kind) : Attribute
{
    public string Name { get; } = name;

    public InputKind Kind { get; } = kind;

    public bool Required { get; init; }

    public string? Description { get; init; }
}

/// <summary>What an input holds; the designer picks an editor by it.</summary>
public enum InputKind
{
    String,
    Number,
    Boolean,
    /// <summary>A JavaScript expression (<c>{ "js": "…" }</c>) or a literal.</summary>
    Expression,
    /// <summary>An ISO 8601 duration or <c>d.hh:mm:ss</c> timespan.</summary>
    Duration,
    /// <summary>An instant (ISO 8601 date-time), usually from an expression.</summary>
    Instant,
    StringList,
    Object,
    /// <summary>A list of <c>{ name, condition }</c> cases (Switch).</summary>
    Cases,
}
