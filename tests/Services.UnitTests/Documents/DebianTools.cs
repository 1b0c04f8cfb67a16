using System.Diagnostics;
using System.Text;

namespace OneThing.UnitTests.Documents;

/// <summary>Runs the Debian PDF tools the document tests check against; a missing tool fails with what to install.</summary>
internal static class DebianTools
{
    private static readonly Dictionary<string, string> Packages = new()
    {
        ["pdftotext"] = "poppler-utils",
        ["pdfsig"] = "poppler-utils",
        ["pdffonts"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils",
        ["qpdf"] = "qpdf",
    };

    /// <summary>Runs <paramref name="tool"/> and returns its exit code and output (stdout then stderr).</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Fail($"{tool} is not installed: apt-get install {Packages[tool]} (or run infra/install-test-deps.sh).");
        }

        var start = new ProcessStartInfo(path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>Writes <paramref name="pdf"/> to a temporary file for the tools; deleted when disposed.</summary>
    public static TempFile Save(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"onething-doc-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return new TempFile(path);
    }

    internal sealed record TempFile(string Path) : IDisposable
    {
        public void Dispose() => File.Delete(Path);
    }
}
