namespace OneThing.Integrations.OutsideSystems;

/// <summary>
/// Where each outside system answers, looked up at call time: a sandbox server that starts on a dynamic
/// port publishes its address after the adapters were created.
/// </summary>
public interface IOutsideSystemAddresses
{
    /// <summary>The base address of <paramref name="system"/> (ending in <c>/</c>), or null when none is known.</summary>
    Uri? Find(OutsideSystem system);
}
