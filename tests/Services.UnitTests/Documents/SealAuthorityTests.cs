using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OneThing.Host.Documents;

namespace OneThing.UnitTests.Documents;

public sealed class SealAuthorityTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"onething-seals-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Development_authority_issues_each_department_its_own_seal_chaining_to_it()
    {
        var provider = NewProvider();
        var police = await provider.GetAsync("police");
        var health = await provider.GetAsync("health");
        var authority = provider.Authority.Certificate;

        Assert.Equal(SealAuthority.Name, authority.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.NotEqual(police.Certificate.Thumbprint, health.Certificate.Thumbprint);
        foreach (var (seal, name, code) in new[] { (police, "菏泽市公安局", "police"), (health, "菏泽市卫生健康委员会", "health") })
        {
            var certificate = seal.Certificate;
            Assert.True(seal.IsDevelopment);
            Assert.True(certificate.HasPrivateKey);
            Assert.Equal(name, seal.DepartmentName);
            var subject = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
                .ToDictionary(n => n.GetSingleElementType().FriendlyName!, n => n.GetSingleElementValue());
            Assert.Equal(new Dictionary<string, string?> { ["CN"] = name, ["OU"] = code, ["O"] = "菏泽市", ["C"] = "CN" }, subject);
            Assert.Equal(authority.Subject, certificate.Issuer);
            Assert.True(SealCertificates.ChainsTo(certificate, [authority], DateTimeOffset.UtcNow));
            var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
            Assert.True(usage.Critical);
            Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, usage.KeyUsages);
            Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
            Assert.Equal("1.2.840.10045.2.1", certificate.PublicKey.Oid.Value); // id-ecPublicKey
            Assert.Equal("1.2.840.10045.4.3.2", certificate.SignatureAlgorithm.Value); // ecdsa-with-SHA256
        }
    }

    [Fact]
    public async Task Another_instance_on_the_same_directory_reuses_the_authority_and_the_seals()
    {
        var first = await NewProvider().GetAsync("police");
        var again = NewProvider();
        var second = await again.GetAsync("police");

        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.Equal(first.Chain[0].Thumbprint, again.Authority.Certificate.Thumbprint);
        Assert.True(File.Exists(Path.Combine(directory, "police.development.p12")));
        Assert.Contains("DEVELOPMENT", await File.ReadAllTextAsync(Path.Combine(directory, "DEVELOPMENT-KEYS.txt")));

        var elsewhere = await new DevelopmentSealProvider(directory + "-other", Name).GetAsync("police");
        Directory.Delete(directory + "-other", recursive: true);
        Assert.NotEqual(first.Certificate.Thumbprint, elsewhere.Certificate.Thumbprint);
    }

    [Fact]
    public async Task Seal_is_issued_again_when_the_kept_one_has_expired()
    {
        var first = await NewProvider().GetAsync("police");
        var threeYearsOn = new ShiftedTime(TimeSpan.FromDays(3 * 365));
        var renewed = await new DevelopmentSealProvider(directory, Name, time: threeYearsOn).GetAsync("police");

        Assert.NotEqual(first.Certificate.Thumbprint, renewed.Certificate.Thumbprint);
        Assert.True(renewed.Certificate.NotAfter.ToUniversalTime() > threeYearsOn.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Unknown_department_gets_no_seal()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => NewProvider().GetAsync("../etc"));
        Assert.Contains("no department '../etc'", error.Message);
    }

    [Fact]
    public async Task Rsa_seals_sign_documents_pdfsig_accepts()
    {
        var provider = new DevelopmentSealProvider(directory, Name, SealKeyAlgorithm.Rsa2048);
        var seal = await provider.GetAsync("service-center");
        Assert.Equal("1.2.840.113549.1.1.1", seal.Certificate.PublicKey.Oid.Value); // rsaEncryption
        Assert.Equal(2048, seal.Certificate.GetRSAPublicKey()!.KeySize);

        var service = new DocumentService(Renderer(), new PdfSealer(), provider);
        var document = await service.IssueAsync(SampleDocuments.CompletionNotice());
        var output = SealedDocumentTests.Pdfsig(document.Pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", output);
        Assert.Contains("Signer Certificate Common Name: 菏泽市政务服务中心", output);
        Assert.True(new PdfSignatureVerifier([provider.Authority.Certificate]).Verify(document.Pdf).IsValid);
    }

    [Fact]
    public async Task Configured_PKCS12_files_are_the_production_seals()
    {
        var issued = SealAuthority.Create().Issue("police", "菏泽市公安局");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "police.p12");
        await File.WriteAllBytesAsync(path, new X509Certificate2Collection { issued.Certificate, issued.Chain[0] }
            .ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "s3cret"));
        var provider = new FileSealProvider(new Dictionary<string, SealFileOptions> { ["police"] = new() { Path = path, Password = "s3cret" } });

        var seal = await provider.GetAsync("police");
        Assert.False(seal.IsDevelopment);
        Assert.Equal("电子印章", seal.Caption);
        Assert.Equal("菏泽市公安局", seal.DepartmentName);
        Assert.Equal(issued.Certificate.Thumbprint, seal.Certificate.Thumbprint);
        Assert.True(seal.Certificate.HasPrivateKey);
        Assert.Equal(issued.Chain[0].Thumbprint, Assert.Single(seal.Chain).Thumbprint);

        var missing = await Assert.ThrowsAsync<ArgumentException>(() => provider.GetAsync("tax"));
        Assert.Contains("Documents:Seals:tax:Path", missing.Message);

        var wrongPassword = new FileSealProvider(new Dictionary<string, SealFileOptions> { ["police"] = new() { Path = path, Password = "guess" } });
        var error = await Assert.ThrowsAsync<CryptographicException>(() => wrongPassword.GetAsync("police"));
        Assert.Contains(path, error.Message);
    }

    private DevelopmentSealProvider NewProvider() => new(directory, Name);

    private static string? Name(string code) => SampleDocuments.Departments.GetValueOrDefault(code);

    private static ResultDocumentRenderer Renderer() => new(CjkFontResolver.Install(DocumentOptions.DebianSongFontPath));

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
