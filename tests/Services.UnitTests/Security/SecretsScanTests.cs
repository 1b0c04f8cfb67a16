using System.Diagnostics;

namespace OneThing.UnitTests.Security;

/// <summary>
/// No secrets in the repository beyond marked development keys: infra/check-secrets.sh passes on the repository
/// and fails on a repository that holds one. The planted secrets are assembled at run time, so this file is clean.
/// </summary>
public sealed class SecretsScanTests : IDisposable
{
    private static readonly string RepositoryRoot = FindRoot();
    private static readonly string Script = Path.Combine(RepositoryRoot, "infra", "check-secrets.sh");

    private readonly DirectoryInfo _planted = Directory.CreateTempSubdirectory("onething-secrets-");

    [Fact]
    public async Task The_repository_holds_no_unmarked_secret()
    {
        var (exitCode, output) = await RunAsync("bash", RepositoryRoot, Script, RepositoryRoot);
        Assert.True(exitCode == 0, output);
        Assert.Contains("no secrets found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_a_connection_string_password_or_a_literal_secret_fails_the_check()
    {
        const string Begin = "-----BEGIN ";
        await PlantAsync("keys/server.pem", Begin + "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n" + "-----END RSA PRIVATE KEY-----\n");
        await PlantAsync("appsettings.Production.json", "{ \"ConnectionString\": \"Host=db;Username=app;" + "Pass" + "word=hunter22;\" }\n");
        await PlantAsync("Settings.cs", "var smtp" + "Password = \"correct-horse-battery\";\n");
        await PlantAsync("certs/signing.pfx", "binary");
        // Marked development keys are allowed.
        await PlantAsync("Sandbox.cs", "var demo" + "Password = \"Demo-only-1\"; // dev-only: sandbox profile\n");
        await PlantAsync("Demo.cs", "// DEVELOPMENT ONLY: demo clients\nvar client" + "Secret = \"sandbox-secret\";\n");
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");

        var (exitCode, output) = await RunAsync("bash", _planted.FullName, Script, _planted.FullName);

        Assert.Equal(1, exitCode);
        Assert.Contains("keys/server.pem:1:", output, StringComparison.Ordinal);
        Assert.Contains("appsettings.Production.json:1:", output, StringComparison.Ordinal);
        Assert.Contains("Settings.cs:1:", output, StringComparison.Ordinal);
        Assert.Contains("certs/signing.pfx: key file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox.cs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo.cs", output, StringComparison.Ordinal);
    }

    public void Dispose() => _planted.Delete(recursive: true);

    private async Task PlantAsync(string path, string text)
    {
        var file = Path.Combine(_planted.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, text);
    }

    private async Task GitAsync(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync("git", _planted.FullName, arguments);
        Assert.True(exitCode == 0, output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OneThing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("OneThing.sln not found above the test output.");
    }
}
