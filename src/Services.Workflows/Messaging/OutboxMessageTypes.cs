using System.Reflection;
using System.Text.Json;

namespace OneThing.Workflows.Messaging;

/// <summary>
/// The contract types the outbox may carry, by full name. Rows are turned back into objects only
/// through this list, never through <c>Type.GetType</c> on a stored string.
/// </summary>
public sealed class OutboxMessageTypes
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <summary>Registers every public record/class in <paramref name="assembly"/> whose namespace starts with <paramref name="namespacePrefix"/>.</summary>
    public OutboxMessageTypes AddFrom(Assembly assembly, string namespacePrefix)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && type.Namespace?.StartsWith(namespacePrefix, StringComparison.Ordinal) == true)
            {
                Add(type);
            }
        }

        return this;
    }

    public OutboxMessageTypes Add(Type type)
    {
        _types[type.FullName!] = type;
        return this;
    }

    public bool TryResolve(string name, out Type type) => _types.TryGetValue(name, out type!);

    public IReadOnlyCollection<Type> All => _types.Values;
}
