using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// The national (商用密码) algorithms the seals use, from BouncyCastle: SM3 hashing and SM2 signatures over SM3 on
/// the sm2p256v1 curve, with the standard default user id (1234567812345678, GB/T 35276).
/// </summary>
public static class NationalAlgorithms
{
    /// <summary>OID of SM2 signatures over SM3 (SM3withSM2), the signAlgID of seals and signatures.</summary>
    public const string Sm3WithSm2Oid = "1.2.156.10197.1.501";

    /// <summary>BouncyCastle's name of the same algorithm, for certificates.</summary>
    internal const string Sm3WithSm2Name = "SM3WITHSM2";

    private static readonly ECNamedDomainParameters Curve =
        new(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));

    /// <summary>The SM3 hash (32 bytes) of <paramref name="data"/>.</summary>
    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash);
        return hash;
    }

    /// <summary>A new SM2 key pair on sm2p256v1.</summary>
    public static AsymmetricCipherKeyPair NewSm2KeyPair()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    /// <summary>The SM2-over-SM3 signature (DER SEQUENCE { r, s }) of <paramref name="data"/>.</summary>
    public static byte[] Sign(AsymmetricKeyParameter privateKey, byte[] data)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithRandom(privateKey, new SecureRandom()));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    /// <summary>Whether <paramref name="signature"/> is an SM2-over-SM3 signature of <paramref name="data"/> by the key.</summary>
    public static bool Verify(AsymmetricKeyParameter publicKey, byte[] data, byte[] signature)
    {
        try
        {
            var signer = new SM2Signer(new SM3Digest());
            signer.Init(false, publicKey);
            signer.BlockUpdate(data, 0, data.Length);
            return signer.VerifySignature(signature);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or InvalidOperationException or CryptoException)
        {
            // Not an SM2 key, or a signature that is not DER { r, s }: not a valid signature either way.
            return false;
        }
    }
}
