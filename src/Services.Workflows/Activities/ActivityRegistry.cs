namespace OneThing.Workflows.Activities;

/// <summary>The activity types a host has registered: the built-in ones plus its domain activities.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _descriptors = new(StringComparer.Ordinal);

    public ActivityRegistry Add<TActivity>()
        where TActivity : IActivity => Add(typeof(TActivity));

    public ActivityRegistry Add(Type type)
    {
        var descriptor = ActivityDescriptor.From(type);
        _descriptors[descriptor.Type] = descriptor;
        return this;
    }

    public ActivityDescriptor? Find(string type) => _descriptors.GetValueOrDefault(type);

    public IReadOnlyCollection<ActivityDescriptor> All => _descriptors.Values;
}
