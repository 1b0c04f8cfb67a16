using System.Reflection;

namespace OneThing.Workflows.Activities;

/// <summary>An activity type as the designer and the validator see it.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string Category,
    string? Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    string? OutcomesFromInput,
    bool Waits,
    Type ImplementationType)
{
    public static ActivityDescriptor From(Type type)
    {
        var activity = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        var inputs = type.GetCustomAttributes<InputAttribute>()
            .Select(i => new InputDescriptor(i.Name, i.Kind, i.Required, i.Description))
            .ToList();
        return new ActivityDescriptor(activity.Type, activity.DisplayName ?? activity.Type, activity.Category, activity.Description,
            inputs, activity.Outcomes, activity.OutcomesFromInput, activity.Waits, type);
    }
}

public sealed record InputDescriptor(string Name, InputKind Kind, bool Required, string? Description);
