using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// A DEVELOPMENT seal maker (制章机构) for national-algorithm seals: a self-issued SM3withSM2 certificate that issues
/// each department an SM2 signer certificate and signs the department's <see cref="SealInfo"/>. Real seals are made
/// by the provincial seal authority; nothing signed by this maker is genuine.
/// </summary>
public sealed class NationalSealMaker
{
    /// <summary>The maker's common name, saying plainly what it is.</summary>
    public const string Name = "OneThing DEVELOPMENT SM2 seal maker — not for real use";

    /// <summary>Lifetime of a department's signer certificate, and so the longest validity of a seal.</summary>
    public static readonly TimeSpan SealLifetime = TimeSpan.FromDays(730);

    private const string FileName = "sm2-maker.development.pem";
    private static readonly TimeSpan MakerLifetime = TimeSpan.FromDays(3650);
    private readonly AsymmetricKeyParameter privateKey;
    private readonly TimeProvider time;

    private NationalSealMaker(AsymmetricKeyParameter privateKey, X509Certificate certificate, TimeProvider time)
    {
        this.privateKey = privateKey;
        Certificate = certificate;
        this.time = time;
    }

    /// <summary>The maker's self-issued certificate: what verifiers trust.</summary>
    public X509Certificate Certificate { get; }

    /// <summary>A new maker held in memory only.</summary>
    public static NationalSealMaker Create(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var (key, certificate) = CreateSelfIssued(time);
        return new NationalSealMaker(key, certificate, time);
    }

    /// <summary>
    /// The maker kept in <paramref name="directory"/> (<c>sm2-maker.development.pem</c>: PKCS#8 key + certificate),
    /// created at first use and shared by every process pointed at the same directory.
    /// </summary>
    public static NationalSealMaker OpenOrCreate(string directory, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        Directory.CreateDirectory(directory);
        var (key, certificate) = Sm2PemFiles.LoadOrCreate(Path.Combine(directory, FileName), () => CreateSelfIssued(time));
        return new NationalSealMaker(key, certificate, time);
    }

    /// <summary>Issues a department a new SM2 key and an SM3withSM2 certificate (CN = name, OU = code).</summary>
    public NationalSealSigner Issue(string departmentCode, string departmentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentName);
        var keys = NationalAlgorithms.NewSm2KeyPair();
        var now = time.GetUtcNow().UtcDateTime;
        var notAfter = Min(now + SealLifetime, Certificate.NotAfter.ToUniversalTime());
        var generator = NewGenerator(Subject(departmentName, departmentCode), keys.Public, now.AddDays(-1), notAfter);
        generator.SetIssuerDN(Certificate.SubjectDN);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(Certificate));
        var certificate = generator.Generate(new Asn1SignatureFactory(NationalAlgorithms.Sm3WithSm2Name, privateKey));
        return new NationalSealSigner(departmentCode, departmentName, certificate, keys.Private);
    }

    /// <summary>
    /// Makes a department's seal: the seal information around <paramref name="picture"/>, listing the signer's
    /// certificate, valid from <paramref name="validStart"/> to <paramref name="validEnd"/>, signed by this maker.
    /// </summary>
    public SealInfo MakeSeal(NationalSealSigner signer, SealPicture picture, DateTimeOffset validStart, DateTimeOffset validEnd)
    {
        if (validEnd <= validStart)
        {
            throw new ArgumentException("A seal's validity must end after it starts.", nameof(validEnd));
        }

        var property = new SealProperty(
            SealProperty.OfficialSeal,
            signer.DepartmentName,
            [signer.Certificate.GetEncoded()],
            time.GetUtcNow(),
            validStart,
            validEnd);
        var content = new SealContent(SealHeader.Current, $"{signer.DepartmentCode}-{Guid.NewGuid():N}", property, picture);
        var signature = NationalAlgorithms.Sign(privateKey, content.ToDer());
        return new SealInfo(content, Certificate.GetEncoded(), NationalAlgorithms.Sm3WithSm2Oid, signature);
    }

    private static (AsymmetricKeyParameter, X509Certificate) CreateSelfIssued(TimeProvider time)
    {
        var keys = NationalAlgorithms.NewSm2KeyPair();
        var now = time.GetUtcNow().UtcDateTime;
        var subject = Subject(Name, "seal-maker");
        var generator = NewGenerator(subject, keys.Public, now.AddDays(-1), now + MakerLifetime);
        generator.SetIssuerDN(subject);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(0));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.DigitalSignature));
        var certificate = generator.Generate(new Asn1SignatureFactory(NationalAlgorithms.Sm3WithSm2Name, keys.Private));
        return (keys.Private, certificate);
    }

    private static X509V3CertificateGenerator NewGenerator(X509Name subject, AsymmetricKeyParameter publicKey, DateTime notBefore, DateTime notAfter)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, SecureRandom.GetNextBytes(new SecureRandom(), 16)));
        generator.SetSubjectDN(subject);
        generator.SetPublicKey(publicKey);
        generator.SetNotBefore(notBefore);
        generator.SetNotAfter(notAfter);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return generator;
    }

    private static X509Name Subject(string commonName, string unit) =>
        new([X509Name.C, X509Name.O, X509Name.OU, X509Name.CN], ["CN", "菏泽市", unit, commonName]);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
