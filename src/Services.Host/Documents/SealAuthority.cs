using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>
/// A DEVELOPMENT seal-issuing authority: a self-signed CA that issues each department a seal certificate
/// (subject CN = department name, O = 菏泽市, OU = department code; key usage digitalSignature + nonRepudiation;
/// SHA-256). Real seals come from the provincial seal authority (see <see cref="FileSealProvider"/>).
/// </summary>
public sealed class SealAuthority
{
    /// <summary>The authority's common name, saying plainly what it is.</summary>
    public const string Name = "OneThing DEVELOPMENT seal authority — not for real use";

    /// <summary>Password of the development PKCS#12 files: they guard nothing real, and say so.</summary>
    public const string DevelopmentPassword = "onething-development-only";

    private const string FileName = "authority.development.p12";
    private static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan SealLifetime = TimeSpan.FromDays(730);
    private readonly SealKeyAlgorithm algorithm;
    private readonly TimeProvider time;

    private SealAuthority(X509Certificate2 certificate, SealKeyAlgorithm algorithm, TimeProvider time)
    {
        Certificate = certificate;
        this.algorithm = algorithm;
        this.time = time;
    }

    /// <summary>The authority's self-signed certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A new authority held in memory only.</summary>
    public static SealAuthority Create(SealKeyAlgorithm algorithm = SealKeyAlgorithm.EcdsaP256, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new SealAuthority(CreateCertificate(algorithm, time), algorithm, time);
    }

    /// <summary>
    /// The authority kept in <paramref name="directory"/> (<c>authority.development.p12</c>), created at first use,
    /// so every process pointed at the same directory issues under the same authority.
    /// </summary>
    public static SealAuthority OpenOrCreate(string directory, SealKeyAlgorithm algorithm = SealKeyAlgorithm.EcdsaP256, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        Directory.CreateDirectory(directory);
        WriteWarning(directory);
        var (certificate, _) = Pkcs12Files.LoadOrCreate(Path.Combine(directory, FileName), DevelopmentPassword, () => [CreateCertificate(algorithm, time)]);
        return new SealAuthority(certificate, algorithm, time);
    }

    /// <summary>Issues a new seal certificate and key for a department.</summary>
    public DepartmentSeal Issue(string departmentCode, string departmentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentName);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("CN");
        subject.AddOrganizationName("菏泽市");
        subject.AddOrganizationalUnitName(departmentCode);
        subject.AddCommonName(departmentName);

        using var key = NewKey(algorithm);
        var request = NewRequest(subject.Build(), key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));

        var now = time.GetUtcNow();
        var notAfter = Min(now + SealLifetime, Certificate.NotAfter.ToUniversalTime());
        // Never before the authority itself (a host whose clock lags the one that made the authority).
        var notBefore = Max(now.AddDays(-1), Certificate.NotBefore.ToUniversalTime());
        using var issued = request.Create(Certificate, notBefore, notAfter, SerialNumber());
        var certificate = key switch
        {
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            _ => throw new NotSupportedException(),
        };
        return new DepartmentSeal(departmentCode, departmentName, certificate, [X509CertificateLoader.LoadCertificate(Certificate.RawData)], IsDevelopment: true);
    }

    private static X509Certificate2 CreateCertificate(SealKeyAlgorithm algorithm, TimeProvider time)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("CN");
        subject.AddOrganizationName("OneThing (DEVELOPMENT)");
        subject.AddCommonName(Name);

        using var key = NewKey(algorithm);
        var request = NewRequest(subject.Build(), key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now + AuthorityLifetime);
    }

    private static AsymmetricAlgorithm NewKey(SealKeyAlgorithm algorithm) => algorithm switch
    {
        SealKeyAlgorithm.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        SealKeyAlgorithm.Rsa2048 => RSA.Create(2048),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    private static CertificateRequest NewRequest(X500DistinguishedName subject, AsymmetricAlgorithm key) => key switch
    {
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new NotSupportedException(),
    };

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive INTEGER
        return serial;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void WriteWarning(string directory)
    {
        var note = Path.Combine(directory, "DEVELOPMENT-KEYS.txt");
        if (!File.Exists(note))
        {
            File.WriteAllText(note, $"""
                DEVELOPMENT seal keys — not for real use. 开发测试用印章密钥，不得用于正式文书。
                Issued by "{Name}"; PKCS#12 password "{DevelopmentPassword}".
                Real seals: set Documents:SealSource=Files and Documents:Seals:<department code>:Path/Password.

                """);
        }
    }
}
