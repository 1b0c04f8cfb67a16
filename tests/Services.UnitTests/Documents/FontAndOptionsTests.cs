using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneThing.Host.Documents;

namespace OneThing.UnitTests.Documents;

public sealed class FontAndOptionsTests
{
    private const string Missing = "/nonexistent/fonts/gbsn00lp.ttf";
    private const string InstallMessage = "Document generation needs the TrueType Song font: apt-get install fonts-arphic-gbsn00lp (expected at /nonexistent/fonts/gbsn00lp.ttf)";

    [Fact]
    public void Missing_font_says_which_package_to_install_and_where_it_was_expected()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CjkFontResolver.Install(Missing));
        Assert.Equal(InstallMessage, error.Message);
    }

    [Fact]
    public void Host_with_documents_enabled_refuses_to_start_without_the_font()
    {
        var builder = Builder(("Documents:Enabled", "true"), ("Documents:FontPath", Missing));
        var error = Assert.Throws<OptionsValidationException>(() => builder.AddDocuments());
        Assert.Contains(error.Failures, f => f.EndsWith(InstallMessage, StringComparison.Ordinal) && f.StartsWith("Documents:FontPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_without_documents_needs_no_font()
    {
        var builder = Builder(("Documents:FontPath", Missing));
        builder.AddDocuments();
        using var host = builder.Build();
        Assert.Null(host.Services.GetService<DocumentService>());
    }

    [Fact]
    public async Task Host_with_documents_enabled_issues_documents_with_development_seals()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"onething-seals-{Guid.NewGuid():N}");
        try
        {
            var builder = Builder(("Documents:Enabled", "true"), ("Documents:SealDirectory", directory));
            builder.AddDocuments();
            using var host = builder.Build();
            await host.StartAsync();

            var document = await host.Services.GetRequiredService<DocumentService>().IssueAsync(SampleDocuments.CompletionNotice());
            var check = host.Services.GetRequiredService<PdfSignatureVerifier>().Verify(document.Pdf);
            Assert.True(check.IsValid, check.Failure);
            Assert.True(check.ChainTrusted);
            Assert.True(File.Exists(Path.Combine(directory, "service-center.development.p12")));
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Development_seals_are_issued_to_every_department_at_first_start()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"onething-seals-{Guid.NewGuid():N}");
        try
        {
            var builder = Builder(("Documents:Enabled", "true"), ("Documents:SealDirectory", directory));
            builder.AddDocuments();
            using var host = builder.Build();
            Assert.False(Directory.Exists(directory));

            await host.StartAsync();

            var departments = OneThing.Host.Cases.Departments.DepartmentSeeder.Catalogue.Select(d => d.Code).ToList();
            Assert.Contains("service-center", departments);
            foreach (var code in departments)
            {
                Assert.True(File.Exists(Path.Combine(directory, $"{code}.development.p12")), code);
                Assert.True(File.Exists(Path.Combine(directory, $"{code}.sm2.development.pem")), code);
            }

            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("postgres", "false", false)]
    [InlineData("postgres", "true", true)]
    [InlineData("sqlite", "false", true)]
    public void Development_seals_only_on_the_embedded_default_or_the_sandbox(string provider, string sandbox, bool allowed)
    {
        var builder = Builder(("Documents:Enabled", "true"), ("Database:Provider", provider), ("Sandbox:Enabled", sandbox));
        if (allowed)
        {
            builder.AddDocuments();
            Assert.Contains(builder.Services, s => s.ServiceType == typeof(DevelopmentSealProvider));
            return;
        }

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddDocuments());
        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Documents:SealSource is Development", failure, StringComparison.Ordinal);
        Assert.Contains("Documents:SealSource to Files", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_files_are_required_when_seals_come_from_files()
    {
        var builder = Builder(("Documents:Enabled", "true"), ("Documents:SealSource", "Files"));
        var error = Assert.Throws<OptionsValidationException>(() => builder.AddDocuments());
        Assert.Contains(error.Failures, f => f.Contains("Documents:Seals:<department code>:Path", StringComparison.Ordinal));
    }

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }
}
