using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneThing.Workflows.Runtime;

/// <summary>
/// The runtime's hook for encryption at rest: what it stores that may carry personal data (instance state and
/// variables, task data and results, journal summaries, incident messages, dead letters, outbox message bodies)
/// passes through <see cref="Protect"/> on the way into the database and <see cref="Unprotect"/> on the way out.
/// The host implements it with its field encryption; <see cref="PassThroughPayloadProtector"/> stores as is.
/// </summary>
public interface IPayloadProtector
{
    /// <summary>What to store for <paramref name="payload"/> in the column named by <paramref name="purpose"/> (<c>Table.Column</c>).</summary>
    string Protect(string payload, string purpose);

    /// <summary>The payload back from what <see cref="Protect"/> stored; throws when it cannot be trusted.</summary>
    string Unprotect(string stored, string purpose);
}

/// <summary>Stores payloads as they are (no encryption): what the model builders use when the host passes no protector.</summary>
public sealed class PassThroughPayloadProtector : IPayloadProtector
{
    public static PassThroughPayloadProtector Instance { get; } = new();

    public string Protect(string payload, string purpose) => payload;

    public string Unprotect(string stored, string purpose) => stored;
}

/// <summary>Puts payload columns through an <see cref="IPayloadProtector"/> in the model.</summary>
public static class PayloadColumns
{
    /// <summary>
    /// Annotation on every protected column, its value the purpose (<c>Table.Column</c>): lets the host find
    /// them all (e.g. to re-encrypt after a key rotation).
    /// </summary>
    public const string ProtectedAnnotation = "OneThing:Protected";

    /// <summary>Routes a payload column through <paramref name="protector"/> (no converter for the pass-through default).</summary>
    internal static void Protect(this PropertyBuilder property, IPayloadProtector? protector)
    {
        if (protector is null or PassThroughPayloadProtector)
        {
            return;
        }

        var purpose = $"{((Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType)property.Metadata.DeclaringType).GetTableName()}.{property.Metadata.Name}";
        property.HasAnnotation(ProtectedAnnotation, purpose);
        property.HasConversion(new ValueConverter<string, string>(v => protector.Protect(v, purpose), v => protector.Unprotect(v, purpose)));
    }
}
