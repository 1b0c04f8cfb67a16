using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneThing.FunctionalTests.Infrastructure;

/// <summary>
/// Token signing and encryption certificates made for one test run, given to the host as PKCS#12 files —
/// the configured-certificate path a real installation uses (development keys are for the embedded default only).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("onething-certs-").FullName;

    public TestCertificates()
    {
        SigningPath = Create("CN=OneThing test token signing", X509KeyUsageFlags.DigitalSignature, "signing.pfx");
        EncryptionPath = Create("CN=OneThing test token encryption", X509KeyUsageFlags.KeyEncipherment, "encryption.pfx");
    }

    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public string SigningPath { get; }

    public string EncryptionPath { get; }

    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Identity:SigningCertificate:Path", SigningPath),
        new("Identity:SigningCertificate:Password", Password),
        new("Identity:EncryptionCertificate:Path", EncryptionPath),
        new("Identity:EncryptionCertificate:Password", Password),
    ];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Create(string subject, X509KeyUsageFlags usage, string fileName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(1)); // wide: some tests run hosts on a clock set months away
        var path = Path.Combine(_directory, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
