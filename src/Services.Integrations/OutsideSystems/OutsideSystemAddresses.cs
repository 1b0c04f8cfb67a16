using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OneThing.Integrations.OutsideSystems;

/// <summary>
/// The default <see cref="IOutsideSystemAddresses"/>: the configured <c>Integrations:{Key}:BaseUrl</c>, else an
/// address offered at run time by a stand-in (the sandbox's outside-systems server). Configuration always wins.
/// </summary>
public sealed class OutsideSystemAddresses(IOptionsMonitor<OutsideSystemOptions> options) : IOutsideSystemAddresses
{
    private readonly ConcurrentDictionary<string, Uri> _offered = new(StringComparer.Ordinal);

    public Uri? Find(OutsideSystem system) =>
        WithTrailingSlash(options.Get(system.Key).BaseUrl) ?? _offered.GetValueOrDefault(system.Key);

    /// <summary>Offers the address of a stand-in; returns false when configuration names another one, which is then used.</summary>
    public bool Offer(OutsideSystem system, Uri baseAddress)
    {
        _offered[system.Key] = WithTrailingSlash(baseAddress)!;
        return options.Get(system.Key).BaseUrl is null;
    }

    // Relative paths resolve below the base only when it ends in a slash (".../v1/" + "pulls").
    private static Uri? WithTrailingSlash(Uri? address) =>
        address is null || address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
