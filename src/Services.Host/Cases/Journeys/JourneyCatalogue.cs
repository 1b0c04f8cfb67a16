using System.Collections.Concurrent;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Cases.Journeys;

/// <summary>The published journeys, read from the workflow definitions (parsed once per version).</summary>
public sealed class JourneyCatalogue(DefinitionStore definitions, JourneyCache cache)
{
    public async Task<Journey?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var definition = await definitions.GetPublishedAsync(code, cancellationToken);
        return definition is null || !Journey.IsJourney(definition) ? null : cache.GetOrAdd(definition);
    }

    public async Task<Journey?> GetAsync(string code, int version, CancellationToken cancellationToken = default)
    {
        var definition = await definitions.GetAsync(code, version, cancellationToken);
        return definition is null || !Journey.IsJourney(definition) ? null : cache.GetOrAdd(definition);
    }

    public async Task<List<Journey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var journeys = new List<Journey>();
        foreach (var (id, version) in await definitions.PublishedVersionsAsync(cancellationToken))
        {
            if (await GetAsync(id, version, cancellationToken) is { } journey)
            {
                journeys.Add(journey);
            }
        }

        return journeys;
    }
}

/// <summary>Parsed journeys by definition id and version (published versions never change).</summary>
public sealed class JourneyCache
{
    private readonly ConcurrentDictionary<(string, int), Journey> _journeys = new();

    public Journey GetOrAdd(OneThing.Workflows.Definitions.WorkflowDefinition definition) =>
        _journeys.GetOrAdd((definition.Id, definition.Version), _ => Journey.From(definition));
}
