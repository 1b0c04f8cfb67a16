using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Host.Protection;

namespace OneThing.UnitTests.Protection;

/// <summary>ASP.NET Core data-protection master keys are stored encrypted under the field key ring.</summary>
public sealed class KeyRingXmlEncryptionTests
{
    private static readonly XElement MasterKey = XElement.Parse(
        "<descriptor><masterKey><value>c2VjcmV0LW1hc3Rlci1rZXktbWF0ZXJpYWw=</value></masterKey></descriptor>");

    [Fact]
    public void A_master_key_is_stored_encrypted_and_read_back_whole()
    {
        var protector = new FieldProtector(FieldProtectorTests.Keys("k1", "k1"));
        var encrypted = new FieldXmlEncryptor(protector).Encrypt(MasterKey);

        var stored = encrypted.EncryptedElement.ToString();
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", stored, StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:k1:", encrypted.EncryptedElement.Element("value")!.Value, StringComparison.Ordinal);
        Assert.Equal(typeof(FieldXmlDecryptor), encrypted.DecryptorType);

        var decrypted = new FieldXmlDecryptor(Services(protector)).Decrypt(encrypted.EncryptedElement);
        Assert.True(XNode.DeepEquals(MasterKey, decrypted));
    }

    [Fact]
    public void A_tampered_or_foreign_key_element_fails_loudly()
    {
        var protector = new FieldProtector(FieldProtectorTests.Keys("k1", "k1"));
        var encrypted = new FieldXmlEncryptor(protector).Encrypt(MasterKey).EncryptedElement;
        var value = encrypted.Element("value")!;
        var flipped = value.Value.ToCharArray();
        var middle = flipped.Length - 20; // inside the base64 of the ciphertext, away from padding bits
        flipped[middle] = flipped[middle] == 'A' ? 'B' : 'A';
        value.Value = new string(flipped);
        Assert.Throws<FieldProtectionException>(() => new FieldXmlDecryptor(Services(protector)).Decrypt(encrypted));

        var other = new FieldProtector(FieldProtectorTests.Keys("k2", "k2"));
        var foreign = new FieldXmlEncryptor(other).Encrypt(MasterKey).EncryptedElement;
        Assert.Throws<FieldProtectionException>(() => new FieldXmlDecryptor(Services(protector)).Decrypt(foreign));
    }

    private static ServiceProvider Services(FieldProtector protector) => new ServiceCollection().AddSingleton(protector).BuildServiceProvider();
}
