using System.Diagnostics;

namespace OneThing.UnitTests.Security;

/// <summary>The build fails on a package with a high-severity advisory (infra/check-nuget-audit.sh serves a made-up one locally).</summary>
public sealed class NuGetAuditTests
{
    [Fact]
    public async Task A_high_severity_advisory_fails_the_restore()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OneThing.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory.FullName, "infra", "check-nuget-audit.sh"));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("error NU1903", output, StringComparison.Ordinal);
    }
}
