using BenchmarkDotNet.Attributes;
using OneThing.Host.Documents;

namespace OneThing.Documents.Bench;

/// <summary>Render + seal one one-page document, per seal key type.</summary>
[MemoryDiagnoser]
public class IssueBenchmarks
{
    private DocumentService service = null!;
    private int counter;

    [Params(SealKeyAlgorithm.EcdsaP256, SealKeyAlgorithm.Rsa2048)]
    public SealKeyAlgorithm Key { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var seals = new DevelopmentSealProvider(Fixture.SealDirectory(Key), code => Samples.Departments.GetValueOrDefault(code), Key);
        service = new DocumentService(new ResultDocumentRenderer(CjkFontResolver.Install(DocumentOptions.DebianSongFontPath)), new PdfSealer(), seals);
        foreach (var code in Samples.Departments.Keys)
        {
            seals.GetAsync(code).GetAwaiter().GetResult();
        }
    }

    [Benchmark(Description = "Birth certificate copy (7 label/value rows): render + seal")]
    public Task<SealedDocument> BirthCertificate() => service.IssueAsync(Samples.BirthCertificate(++counter));

    [Benchmark(Description = "Completion notice (4 matter rows): render + seal")]
    public Task<SealedDocument> CompletionNotice() => service.IssueAsync(Samples.CompletionNotice(++counter));
}
