using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Hosting;

/// <summary>
/// The embedded default as an operator runs it: the host binary on real Kestrel, a SQLite file,
/// the in-memory bus, development keys and demo data, with no other settings.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class EmbeddedDefaultTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("onething-embedded-");

    [Fact]
    public async Task Embedded_default_starts_on_SQLite_reports_ready_and_serves_a_demo_applicant()
    {
        var port = HostProcess.FreeTcpPort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var host = HostProcess.Start(["--urls", baseUrl], Embedded());
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var ready = await WaitForReadyAsync(host, http);
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["masstransit-bus"]);
        Assert.True(File.Exists(Path.Combine(_data.FullName, "onething.db")), "the SQLite file is where the settings say");
        Assert.Contains($"API reference: {baseUrl}/api-reference/v1", host.Output);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api-reference/v1")).StatusCode);

        // The README's first request: a demo applicant's token over plain HTTP, then a protected call.
        var token = await http.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = "/connect/token",
            ClientId = "onething-cli",
            UserName = "zhangwei",
            Password = OneThing.Host.Sandbox.SandboxDefaults.DemoPassword,
            Scope = Tokens.ApiScopes,
        });
        Assert.False(token.IsError, token.ErrorDescription);
        http.SetBearerToken(token.AccessToken!);
        var me = await http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("张伟", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Host_listens_where_ASPNETCORE_URLS_says()
    {
        var port = HostProcess.FreeTcpPort();
        var environment = Embedded();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        await using var host = HostProcess.Start([], environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForReadyAsync(host, http);
    }

    [Theory]
    [InlineData("Database__Provider", "Oracle", "'Oracle' is not a supported database provider")]
    [InlineData("Messaging__Transport", "Kafka", "'Kafka' is not a supported transport")]
    [InlineData("Hosting__MaxRequestBodyBytes", "12", "Hosting:MaxRequestBodyBytes")]
    public async Task Wrong_setting_stops_the_host_at_boot_with_a_message_naming_it(string key, string value, string expected)
    {
        var environment = Embedded();
        environment[key] = value;
        var (exitCode, output) = await HostProcess.RunAsync(["--urls", $"http://127.0.0.1:{HostProcess.FreeTcpPort()}"], environment, TimeSpan.FromMinutes(1));
        Assert.Equal(2, exitCode);
        Assert.Contains("OneThing cannot start:", output);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task Outside_the_embedded_default_the_host_refuses_development_keys()
    {
        var environment = Embedded();
        environment["Database__Provider"] = "Postgres";
        environment["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none";
        var (exitCode, output) = await HostProcess.RunAsync([], environment, TimeSpan.FromMinutes(1));
        Assert.Equal(2, exitCode);
        Assert.Contains("Identity:SigningCertificate and Identity:EncryptionCertificate", output);
    }

    public void Dispose() => _data.Delete(recursive: true);

    private Dictionary<string, string> Embedded() => new()
    {
        ["Database__ConnectionString"] = $"Data Source={Path.Combine(_data.FullName, "onething.db")}",
    };

    private static async Task<JsonElement> WaitForReadyAsync(HostProcess host, HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(host.HasExited, $"The host exited early:\n{host.Output}");
            try
            {
                var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Equal("Healthy", body.GetProperty("status").GetString());
                    return body;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not report ready:\n{host.Output}");
    }
}

/// <summary>Tests that start the host binary as its own process; they run beside the in-process ones.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "host processes";
}
