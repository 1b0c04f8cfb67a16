using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>A department's SM2 signing key and the certificate the seal maker issued for it.</summary>
/// <param name="DepartmentCode">Code of the department, e.g. <c>police</c>.</param>
/// <param name="DepartmentName">Chinese name of the department (the certificate's CN and the seal's name).</param>
/// <param name="Certificate">SM3withSM2 certificate of the key.</param>
/// <param name="PrivateKey">The SM2 private key.</param>
public sealed record NationalSealSigner(string DepartmentCode, string DepartmentName, X509Certificate Certificate, AsymmetricKeyParameter PrivateKey);
