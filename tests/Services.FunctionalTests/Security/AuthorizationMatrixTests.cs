using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Security;

/// <summary>
/// The authorization matrix of docs/security.md against the running host: the OpenAPI document and the table
/// list the same endpoints, each endpoint's policy admits exactly the roles its row allows, and every cell holds
/// over HTTP with a real token of that role.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformFixture platform) : PlatformTest(platform), IDisposable
{
    private readonly RoleClients _clients = new(platform);

    [Fact]
    public async Task The_matrix_has_one_row_for_every_endpoint_of_the_OpenAPI_document_and_no_other()
    {
        var rows = AuthorizationMatrix.Load();
        var documented = await OpenApiEndpointsAsync();

        var duplicates = rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Rows listed twice: {string.Join(", ", duplicates)}");
        var missing = documented.Except(rows.Select(r => r.Key)).Order().ToList();
        Assert.True(missing.Count == 0, $"Endpoints in /openapi/v1.json without a row in docs/security.md: {string.Join(", ", missing)}");
        var stale = rows.Where(r => !documented.Contains(r.Key)).ToList();
        Assert.True(stale.Count == 0, $"Rows of docs/security.md without an endpoint: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Every_endpoint_policy_admits_exactly_the_roles_its_row_allows()
    {
        var rows = AuthorizationMatrix.Load().ToDictionary(r => r.Key);
        var policies = Platform.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = Platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Key: $"{m} {AuthorizationMatrix.Normalise(e.RoutePattern.RawText!)}", Endpoint: e)))
            .ToList();
        Assert.NotEmpty(endpoints);

        var failures = new List<string>();
        foreach (var (key, endpoint) in endpoints)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                failures.Add($"{key}: mapped but has no row");
                continue;
            }

            var admitted = await AdmittedRolesAsync(endpoint, policies);
            var allowed = row.AllowedRoles.ToHashSet();
            if (!admitted.SetEquals(allowed))
            {
                failures.Add($"{row}: the endpoint admits [{string.Join(", ", admitted.Order())}], the matrix allows [{string.Join(", ", allowed.Order())}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_cell_holds_over_http_with_a_real_token_of_the_role()
    {
        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Load())
        {
            var path = Instantiate(row.Route);
            foreach (var role in AuthorizationMatrix.Roles)
            {
                var client = await _clients.ForAsync(role);
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
                if (row.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = JsonContent.Create(new { });
                }

                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await client.SendAsync(request);
                var status = response.StatusCode;
                var ok = row.Allows(role)
                    ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                    : role == AuthorizationMatrix.Anonymous ? status == HttpStatusCode.Unauthorized : status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                if (!ok)
                {
                    failures.Add($"{row} as {role} ({row.Cells[role]}): {(int)status} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>The endpoints of the OpenAPI document as "METHOD /route".</summary>
    private async Task<HashSet<string>> OpenApiEndpointsAsync()
    {
        var document = await (await _clients.ForAsync(AuthorizationMatrix.Anonymous)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var endpoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                endpoints.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        Assert.NotEmpty(endpoints);
        return endpoints;
    }

    /// <summary>The roles (and "anonymous") the endpoint's combined authorization policy lets through.</summary>
    private static async Task<HashSet<string>> AdmittedRolesAsync(Endpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        var everyone = AuthorizationMatrix.Roles.ToHashSet(StringComparer.Ordinal);
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return everyone;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null)
        {
            return everyone;
        }

        var admitted = everyone.Where(r => r != AuthorizationMatrix.Anonymous).ToHashSet(StringComparer.Ordinal);
        foreach (var requirement in policy.Requirements)
        {
            switch (requirement)
            {
                case RolesAuthorizationRequirement roles:
                    admitted.IntersectWith(roles.AllowedRoles);
                    break;
                case DenyAnonymousAuthorizationRequirement:
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"{endpoint.DisplayName}: the matrix test does not know the requirement {requirement.GetType().Name}.");
            }
        }

        return admitted;
    }

    /// <summary>A route with guessed values: ids nobody was given, a well-formed case number nobody filed.</summary>
    private static string Instantiate(string route) => route
        .Replace("{number}", GuessedCaseNumber, StringComparison.Ordinal)
        .Replace("{caseNumber}", GuessedCaseNumber, StringComparison.Ordinal)
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{incidentId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{licenceId}", "1.2.156.3005.2.11100000000013338W001.00000000000000000X.200001010001.001.X", StringComparison.Ordinal)
        .Replace("{code}", "newborn", StringComparison.Ordinal)
        .Replace("{matter}", "birth-certificate", StringComparison.Ordinal)
        .Replace("{definitionId}", "no-such-definition", StringComparison.Ordinal)
        .Replace("{version}", "1", StringComparison.Ordinal)
        .Replace("{year}", "2099", StringComparison.Ordinal);

    /// <summary>A case number with a valid check character that no case has.</summary>
    internal static readonly string GuessedCaseNumber = OneThing.Host.Cases.Identifiers.CaseNumber.Create("371702", new DateOnly(2026, 1, 5), 999_999).Value;

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public void Dispose() => _clients.Dispose();
}
