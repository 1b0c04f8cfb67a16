using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Npgsql;
using OneThing.Host.Sandbox;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// Host processes sharing one fresh PostgreSQL database and one RabbitMQ virtual host of their own — the
/// production shape with several replicas — plus definition files loaded at their start-up.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    private readonly string _database = $"onething_cluster_{Guid.NewGuid():N}"[..32];
    private readonly DirectoryInfo _definitions = Directory.CreateTempSubdirectory("onething-cluster-flows-");
    private readonly List<HostProcess> _nodes = [];

    private HostCluster(PlatformFixture platform, string rabbitMqUri, string ledgerUrl)
    {
        Environment = platform.Environment();
        Environment["Database__ConnectionString"] = TestServices.PostgresDatabase(_database);
        Environment["Messaging__RabbitMqUri"] = rabbitMqUri;
        Environment["Messaging__OutboxLease"] = "00:00:03";
        Environment["Workflows__TimerLease"] = "00:00:03";
        Environment["Workflows__DefinitionsFolder"] = _definitions.FullName;
        Environment["Integrations__Endpoints__ledger__BaseUrl"] = ledgerUrl;
        Environment["Identity__RequireHttps"] = "false";
        Environment["Logging__LogLevel__Default"] = "Warning";
    }

    public Dictionary<string, string> Environment { get; }

    public string ConnectionString => TestServices.PostgresDatabase(_database);

    /// <summary>Creates the database, writes the definition files and runs the `migrate` command.</summary>
    public static async Task<HostCluster> CreateAsync(PlatformFixture platform, string rabbitMqVariable, string ledgerUrl, params (string File, string Json)[] definitions)
    {
        var rabbit = System.Environment.GetEnvironmentVariable(rabbitMqVariable)
            ?? throw new InvalidOperationException($"{rabbitMqVariable} is not set; ./test.sh (infra/services.sh) creates isolated virtual hosts.");
        var cluster = new HostCluster(platform, rabbit, ledgerUrl);
        foreach (var (file, json) in definitions)
        {
            await File.WriteAllTextAsync(Path.Combine(cluster._definitions.FullName, file), json);
        }

        await TestServices.CreateDatabaseAsync(cluster._database);

        var (exitCode, output) = await HostProcess.RunAsync(["migrate"], cluster.Environment, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, output);
        return cluster;
    }

    /// <summary>Starts one more node and waits until it reports ready.</summary>
    public async Task<Node> StartNodeAsync(string name)
    {
        var port = HostProcess.FreeTcpPort();
        var environment = new Dictionary<string, string>(Environment) { ["Integrations__NodeName"] = name };
        var process = HostProcess.Start(["--urls", $"http://127.0.0.1:{port}"], environment);
        _nodes.Add(process);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.HoldsAsync(async () =>
        {
            Assert.False(process.HasExited, $"{name} exited:\n{process.Output}");
            try
            {
                return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"{name} reports ready", TimeSpan.FromSeconds(90));

        var token = await http.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = "/connect/token",
            ClientId = SandboxDefaults.CliClientId,
            UserName = "admin",
            Password = SandboxDefaults.DemoPassword,
            Scope = Tokens.ApiScopes,
        });
        Assert.False(token.IsError, token.ErrorDescription);
        http.SetBearerToken(token.AccessToken!);
        return new Node(name, process, http);
    }

    public async Task<Guid> StartInstanceAsync(Node node, string definitionId)
    {
        var response = await node.Http.PostAsJsonAsync("/api/v1/admin/instances", new { definitionId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
    }

    public async Task<List<(Guid Instance, long Count)>> CountsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new List<(Guid, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await TestServices.DropDatabaseAsync(_database);

        _definitions.Delete(recursive: true);
    }

    public sealed record Node(string Name, HostProcess Process, HttpClient Http);
}
