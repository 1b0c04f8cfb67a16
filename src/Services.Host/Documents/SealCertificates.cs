using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>Checks on seal certificates shared by the seal providers and the signature verifier.</summary>
public static class SealCertificates
{
    /// <summary>
    /// True when <paramref name="certificate"/> chains to one of <paramref name="authorities"/> (only those are
    /// trusted; revocation is not checked here) and every certificate on the way is valid at <paramref name="at"/>.
    /// </summary>
    public static bool ChainsTo(X509Certificate2 certificate, IEnumerable<X509Certificate2> authorities, DateTimeOffset at, IEnumerable<X509Certificate2>? intermediates = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        }

        return chain.ChainPolicy.CustomTrustStore.Count > 0 && chain.Build(certificate);
    }

    /// <summary>True when the certificate may sign documents: key usage digitalSignature or nonRepudiation.</summary>
    public static bool MaySignDocuments(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return usage is null || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;
    }
}
