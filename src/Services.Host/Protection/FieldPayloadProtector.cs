using OneThing.Workflows.Runtime;

namespace OneThing.Host.Protection;

/// <summary>The workflow runtime's payloads (state, variables, task data, journal, outbox bodies) under the field encryption.</summary>
public sealed class FieldPayloadProtector(FieldProtector protector) : IPayloadProtector
{
    public string Protect(string payload, string purpose) => protector.Protect(payload, purpose);

    public string Unprotect(string stored, string purpose) => protector.Unprotect(stored, purpose);
}
