using BenchmarkDotNet.Attributes;
using OneThing.Host.Documents;

namespace OneThing.Documents.Bench;

/// <summary>The parts: rendering alone (unsigned file) and checking a sealed file's signature.</summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private ResultDocumentRenderer renderer = null!;
    private PdfSignatureVerifier verifier = null!;
    private byte[] sealedPdf = [];
    private int counter;

    [GlobalSetup]
    public void Setup()
    {
        var seals = new DevelopmentSealProvider(Fixture.SealDirectory(SealKeyAlgorithm.EcdsaP256), code => Samples.Departments.GetValueOrDefault(code));
        renderer = new ResultDocumentRenderer(CjkFontResolver.Install(DocumentOptions.DebianSongFontPath));
        sealedPdf = new DocumentService(renderer, new PdfSealer(), seals).IssueAsync(Samples.BirthCertificate(0)).GetAwaiter().GetResult().Pdf;
        verifier = new PdfSignatureVerifier([seals.Authority.Certificate]);
    }

    [Benchmark(Description = "Birth certificate copy: render only (unsigned file)")]
    public byte[] RenderOnly()
    {
        using var rendered = renderer.Render(Samples.BirthCertificate(++counter));
        return rendered.ToUnsignedPdf();
    }

    [Benchmark(Description = "Birth certificate copy: verify the signature (PdfSignatureVerifier)")]
    public SignatureCheck Verify() => verifier.Verify(sealedPdf);
}
