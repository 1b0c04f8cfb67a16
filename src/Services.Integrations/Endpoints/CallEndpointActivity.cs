using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneThing.Workflows.Activities;

namespace OneThing.Integrations.Endpoints;

/// <summary>
/// POSTs JSON to a configured outside endpoint. The request carries the execution's idempotency key, so
/// when a run is repeated after a crash (same committed state, same key) the outside system can recognise
/// the repeat instead of doing the work twice. A failing call faults the activity (retry policy, incident).
/// </summary>
[Activity(TypeName, Category = "Integration", Description = "POSTs JSON to a named outside endpoint with an idempotency key.")]
[Input("endpoint", InputKind.String, Required = true, Description = "Name of a configured endpoint (Integrations:Endpoints)")]
[Input("path", InputKind.String, Required = true, Description = "Path below the endpoint's base URL")]
[Input("body", InputKind.Expression, Description = "The JSON body")]
[Input("resultVariable", InputKind.String, Description = "Variable that receives the JSON response")]
public sealed class CallEndpointActivity(IHttpClientFactory clients, IOptions<EndpointsOptions> options) : IActivity
{
    public const string TypeName = "CallEndpoint";

    public static string ClientName(string endpoint) => $"endpoint:{endpoint}";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var endpoint = context.StringInput("endpoint") ?? string.Empty;
        if (!options.Value.Endpoints.ContainsKey(endpoint))
        {
            return ActivityResult.Faulted($"Endpoint '{endpoint}' is not configured.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, (context.StringInput("path") ?? string.Empty).TrimStart('/'))
        {
            Content = JsonContent.Create(context.Input("body") ?? new JsonObject()),
        };
        request.Options.Set(Exchanges.ExchangeAuditHandler.System, endpoint);
        request.Headers.Add("Idempotency-Key", context.IdempotencyKey);
        request.Headers.Add("X-OneThing-Instance", context.InstanceId.ToString());
        request.Headers.Add("X-OneThing-Node", options.Value.NodeName);

        using var response = await clients.CreateClient(ClientName(endpoint)).SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return ActivityResult.Faulted($"{endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        if (context.StringInput("resultVariable") is { Length: > 0 } variable)
        {
            context.Variables[variable] = response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<JsonNode>();
        }

        return ActivityResult.Complete(Outcomes.Done);
    }
}
