using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// Signs documents with national-algorithm (SM2/SM3) seals shaped after GB/T 38540 and verifies such signatures.
/// DEVELOPMENT seals: each department's signer key and certificate are issued by <see cref="Maker"/> at first use
/// (kept as <c>&lt;code&gt;.sm2.development.pem</c> in the directory, when one is given) and its seal is made per
/// process, renewed when it has expired or the department was renamed.
/// </summary>
public sealed class NationalSealService
{
    private readonly string? directory;
    private readonly TimeProvider time;
    private readonly Dictionary<string, (NationalSealSigner Signer, SealInfo Seal)> seals = new(StringComparer.Ordinal);

    /// <param name="maker">The seal maker issuing signers and making seals.</param>
    /// <param name="directory">Where department signer keys are kept; null keeps them in memory only.</param>
    /// <param name="time">Clock of signing and of seal validity.</param>
    public NationalSealService(NationalSealMaker maker, string? directory = null, TimeProvider? time = null)
    {
        Maker = maker;
        this.directory = directory is null ? null : Path.GetFullPath(directory);
        this.time = time ?? TimeProvider.System;
        if (this.directory is not null)
        {
            Directory.CreateDirectory(this.directory);
        }
    }

    /// <summary>The seal maker; verifiers trust its <see cref="NationalSealMaker.Certificate"/>.</summary>
    public NationalSealMaker Maker { get; }

    /// <summary>
    /// Signs <paramref name="documentBytes"/> with the department's seal, now, and returns the DER of the
    /// <see cref="SesSignature"/>.
    /// </summary>
    /// <param name="departmentCode">Department code: lower-case ASCII letters, digits and '-'.</param>
    /// <param name="departmentName">The department's Chinese name, the seal's name.</param>
    /// <param name="documentId">The document's id (ASCII), recorded as propertyInfo.</param>
    /// <param name="documentBytes">The exact bytes signed.</param>
    public byte[] Sign(string departmentCode, string departmentName, string documentId, ReadOnlySpan<byte> documentBytes)
    {
        var (signer, seal) = SealOf(departmentCode, departmentName);
        return SesSignature.Create(seal, signer, documentId, documentBytes, time.GetUtcNow()).ToDer();
    }

    /// <summary>The department's current seal and signer, made or renewed when needed.</summary>
    public (NationalSealSigner Signer, SealInfo Seal) SealOf(string departmentCode, string departmentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentName);
        if (string.IsNullOrEmpty(departmentCode) || !departmentCode.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{departmentCode}' is not a department code.", nameof(departmentCode));
        }

        var now = time.GetUtcNow();
        lock (seals)
        {
            if (seals.TryGetValue(departmentCode, out var current)
                && current.Seal.Content.Property.Name == departmentName
                && current.Seal.Content.Property.IsValidAt(now))
            {
                return current;
            }

            var signer = SignerOf(departmentCode, departmentName);
            var seal = Maker.MakeSeal(signer, SealPicture.Svg(departmentName), signer.Certificate.NotBefore, signer.Certificate.NotAfter);
            return seals[departmentCode] = (signer, seal);
        }
    }

    /// <summary>Verifies a signature made by this service, trusting its <see cref="Maker"/> only.</summary>
    public NationalSealCheck Verify(byte[] signature, ReadOnlySpan<byte> documentBytes) =>
        Verify(signature, documentBytes, [Maker.Certificate]);

    /// <summary>
    /// Verifies the DER of an <see cref="SesSignature"/> over <paramref name="documentBytes"/>, in GB/T 38540's order:
    /// signature value → signer certificate in the seal → seal's own signature → maker trusted → seal validity at
    /// signing time → document hash. Stops at the first failure.
    /// </summary>
    /// <param name="signature">DER of the signature.</param>
    /// <param name="documentBytes">The document as received.</param>
    /// <param name="trustedMakers">Seal makers' certificates trusted: the maker must be one of them or issued by one.</param>
    public static NationalSealCheck Verify(byte[] signature, ReadOnlySpan<byte> documentBytes, IEnumerable<X509Certificate> trustedMakers)
    {
        SesSignature ses;
        try
        {
            ses = SesSignature.FromDer(signature);
        }
        catch (ArgumentException ex)
        {
            return NationalSealCheck.Failed(NationalSealStep.Structure,
                $"Not a national-algorithm signature: {ex.Message}", "不是可识别的国密电子签章数据。", null);
        }

        var signer = TryParse(ses.SignerCertificate);
        if (ses.SignatureAlgorithm != NationalAlgorithms.Sm3WithSm2Oid || signer is null
            || !NationalAlgorithms.Verify(signer.GetPublicKey(), ses.ToBeSignedDer(), ses.Signature))
        {
            return NationalSealCheck.Failed(NationalSealStep.SignatureValue,
                "The signature value does not verify with the signer's certificate.", "签名值验证失败。", ses);
        }

        var property = ses.Seal.Content.Property;
        if (!property.Certificates.Any(c => c.AsSpan().SequenceEqual(ses.SignerCertificate)))
        {
            return NationalSealCheck.Failed(NationalSealStep.SignerInSeal,
                "The signer's certificate is not one the seal lists.", "签章人证书不在印章的证书列表中。", ses);
        }

        var maker = TryParse(ses.Seal.MakerCertificate);
        if (ses.Seal.SignatureAlgorithm != NationalAlgorithms.Sm3WithSm2Oid || maker is null
            || !NationalAlgorithms.Verify(maker.GetPublicKey(), ses.Seal.Content.ToDer(), ses.Seal.Signature))
        {
            return NationalSealCheck.Failed(NationalSealStep.SealSignature,
                "The seal's own signature by its maker does not verify: the seal was altered.", "印章的制章签名验证失败，印章已被篡改。", ses);
        }

        if (!IsTrusted(maker, trustedMakers, ses.SignedAt))
        {
            return NationalSealCheck.Failed(NationalSealStep.MakerTrusted,
                "The seal was made by a seal maker that is not trusted.", "制章机构不受信任。", ses);
        }

        if (!property.IsValidAt(ses.SignedAt))
        {
            return NationalSealCheck.Failed(NationalSealStep.SealValidity,
                $"The seal was not valid when signing ({ses.SignedAt:u}; valid {property.ValidStart:u} to {property.ValidEnd:u}).",
                "签章时印章不在有效期内。", ses);
        }

        if (!NationalAlgorithms.Sm3(documentBytes).AsSpan().SequenceEqual(ses.DataHash)
            || !System.Security.Cryptography.SHA256.HashData(documentBytes).AsSpan().SequenceEqual(ses.Sha256Hash))
        {
            return NationalSealCheck.Failed(NationalSealStep.DocumentHash,
                "The document differs from the one signed.", "文档内容与签章时不一致，可能已被篡改。", ses);
        }

        return NationalSealCheck.Valid(ses);
    }

    private NationalSealSigner SignerOf(string code, string name)
    {
        if (directory is null)
        {
            return Maker.Issue(code, name);
        }

        var path = Path.Combine(directory, $"{code}.sm2.development.pem");
        for (var attempt = 0; ; attempt++)
        {
            var (key, certificate) = Sm2PemFiles.LoadOrCreate(path, () =>
            {
                var issued = Maker.Issue(code, name);
                return (issued.PrivateKey, issued.Certificate);
            });
            var signer = new NationalSealSigner(code, name, certificate, key);
            if (IsUsable(certificate, name) || attempt > 0)
            {
                return signer;
            }

            // Expired, renamed, or issued by a maker that is gone: issue a new one.
            Sm2PemFiles.Discard(path);
        }
    }

    private bool IsUsable(X509Certificate certificate, string name)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return certificate.IsValid(now)
            && certificate.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).SequenceEqual([name])
            && IssuedBy(certificate, Maker.Certificate);
    }

    private static bool IsTrusted(X509Certificate maker, IEnumerable<X509Certificate> trusted, DateTimeOffset at) =>
        maker.IsValid(at.UtcDateTime)
        && trusted.Any(t => t.Equals(maker) || (t.IsValid(at.UtcDateTime) && IssuedBy(maker, t)));

    private static bool IssuedBy(X509Certificate certificate, X509Certificate issuer)
    {
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return certificate.IssuerDN.Equivalent(issuer.SubjectDN);
        }
        catch (Exception ex) when (ex is CertificateException or InvalidKeyException or SignatureException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static X509Certificate? TryParse(byte[] der)
    {
        try
        {
            return new X509Certificate(der);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or CertificateException or IOException)
        {
            return null;
        }
    }
}
