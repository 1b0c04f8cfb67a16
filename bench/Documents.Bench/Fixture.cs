using OneThing.Host.Documents;

namespace OneThing.Documents.Bench;

internal static class Fixture
{
    /// <summary>Development seals for the run, outside the repository.</summary>
    public static string SealDirectory(SealKeyAlgorithm key) => Path.Combine(Path.GetTempPath(), $"onething-bench-seals-{key}");
}
