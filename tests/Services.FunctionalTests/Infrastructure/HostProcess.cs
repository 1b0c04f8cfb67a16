using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// Runs the built host binary as its own process — the way an operator runs it — for the `migrate` command,
/// start-up checks and the embedded default over real Kestrel.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Directory of the host's build output (it holds appsettings.json, the content root).</summary>
    public static string HostDirectory { get; } = FindHostDirectory();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static HostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(HostDirectory, "Services.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain, readable console output so tests can look for messages; nothing inherited from the test run.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var host = Start(arguments, environment);
        using var cts = new CancellationTokenSource(timeout);
        await host._process.WaitForExitAsync(cts.Token);
        host._process.WaitForExit(); // flushes the redirected streams
        return (host.ExitCode, host.Output);
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: the process ends at once, mid-request and mid-transaction, with no shutdown code run.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string FindHostDirectory()
    {
        // tests/Services.FunctionalTests/bin/<Configuration>/net10.0 → src/Services.Host/bin/<Configuration>/net10.0
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OneThing.sln")))
        {
            root = root.Parent;
        }

        var directory = Path.Combine(root?.FullName ?? throw new InvalidOperationException("OneThing.sln not found above the test output."),
            "src", "Services.Host", "bin", configuration, framework);
        return File.Exists(Path.Combine(directory, "Services.Host.dll"))
            ? directory
            : throw new InvalidOperationException($"The host is not built at {directory}.");
    }
}
