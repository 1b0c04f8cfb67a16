using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace OneThing.Host.Protection;

/// <summary>
/// Encrypts the master keys of ASP.NET Core data protection (which protects OpenIddict's tokens, the sign-in
/// cookie and antiforgery tokens) under the field key ring before they are stored in <c>DataProtectionKeys</c>:
/// a database dump then holds no usable key, and rotating the field keys (<c>reencrypt</c>) is the one procedure
/// for both. Keys stored before this existed stay readable (they carry no encryptor).
/// </summary>
public sealed class FieldXmlEncryptor(FieldProtector protector) : IXmlEncryptor
{
    /// <summary>Associated data of the encrypted key elements.</summary>
    public const string Purpose = "DataProtectionKeys.Xml";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var ciphertext = protector.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose);
        return new EncryptedXmlInfo(new XElement("encryptedKey", new XComment(" encrypted under the field key ring (docs/security.md) "),
            new XElement("value", ciphertext)), typeof(FieldXmlDecryptor));
    }
}

/// <summary>Reads what <see cref="FieldXmlEncryptor"/> wrote; data protection creates it by type name with the service provider.</summary>
public sealed class FieldXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value
            ?? throw new FieldProtectionException("A stored data-protection key has no encrypted value.");
        return XElement.Parse(services.GetRequiredService<FieldProtector>().Unprotect(value, FieldXmlEncryptor.Purpose));
    }
}

internal sealed class KeyRingXmlEncryptionSetup(FieldProtector protector) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) => options.XmlEncryptor = new FieldXmlEncryptor(protector);
}
