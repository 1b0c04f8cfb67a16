using OneThing.Host.Documents;

namespace OneThing.UnitTests.Documents;

/// <summary>
/// Issues the two sample documents once with development seals in a temporary directory; the tests read them.
/// </summary>
public sealed class DocumentFixture : IAsyncLifetime
{
    public string SealDirectory { get; } = Path.Combine(Path.GetTempPath(), $"onething-seals-{Guid.NewGuid():N}");

    public DevelopmentSealProvider Seals { get; private set; } = null!;

    public DocumentService Service { get; private set; } = null!;

    public ResultDocumentRenderer Renderer { get; private set; } = null!;

    public SealedDocument BirthCertificate { get; private set; } = null!;

    public SealedDocument CompletionNotice { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Renderer = new ResultDocumentRenderer(CjkFontResolver.Install(DocumentOptions.DebianSongFontPath));
        Seals = new DevelopmentSealProvider(SealDirectory, code => SampleDocuments.Departments.GetValueOrDefault(code));
        Service = new DocumentService(Renderer, new PdfSealer(), Seals);
        BirthCertificate = await Service.IssueAsync(SampleDocuments.BirthCertificate());
        CompletionNotice = await Service.IssueAsync(SampleDocuments.CompletionNotice());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(SealDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
