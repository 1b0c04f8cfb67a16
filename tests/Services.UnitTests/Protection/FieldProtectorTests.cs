using System.Security.Cryptography;
using System.Text;
using OneThing.Host.Hosting;
using OneThing.Host.Protection;

namespace OneThing.UnitTests.Protection;

public sealed class FieldProtectorTests
{
    private const string IdNumber = "371702199001011234";
    private const string Purpose = "Cases.SubjectIdNumber";

    internal static FieldKeys Keys(string active, params string[] ids) => new(
        ids.ToDictionary(id => id, id => SHA256.HashData(Encoding.UTF8.GetBytes($"test key {id}"))), active,
        SHA256.HashData("lookup"u8.ToArray()));

    [Fact]
    public void Text_round_trips_in_the_versioned_format_and_never_encrypts_twice_alike()
    {
        var protector = new FieldProtector(Keys("k1", "k1"));
        var first = protector.Protect(IdNumber, Purpose);
        var second = protector.Protect(IdNumber, Purpose);

        Assert.StartsWith("enc:v1:k1:", first, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(IdNumber, protector.Unprotect(first, Purpose));
        Assert.Equal(IdNumber, protector.Unprotect(second, Purpose));
        Assert.True(protector.IsCurrent(first));
    }

    [Fact]
    public void Bytes_round_trip_with_an_ascii_header()
    {
        var protector = new FieldProtector(Keys("k1", "k1"));
        var content = Encoding.UTF8.GetBytes($"{{\"holder\":\"{IdNumber}\"}}");
        var stored = protector.Protect(content, "CaseMaterials.Content");

        Assert.StartsWith("enc:v1:k1:", Encoding.ASCII.GetString(stored, 0, 10), StringComparison.Ordinal);
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(IdNumber)));
        Assert.Equal(content, protector.Unprotect(stored, "CaseMaterials.Content"));
    }

    [Fact]
    public void A_flipped_byte_fails_loudly()
    {
        var protector = new FieldProtector(Keys("k1", "k1"));
        var stored = protector.Protect(IdNumber, Purpose);
        var raw = Convert.FromBase64String(stored["enc:v1:k1:".Length..]);
        for (var i = 0; i < raw.Length; i += 7)
        {
            var tampered = raw.ToArray();
            tampered[i] ^= 0x01;
            Assert.Throws<FieldProtectionException>(() => protector.Unprotect($"enc:v1:k1:{Convert.ToBase64String(tampered)}", Purpose));
        }

        var bytes = protector.Protect(Encoding.UTF8.GetBytes(IdNumber), "ResultDocuments.Pdf");
        bytes[^1] ^= 0x80;
        Assert.Throws<FieldProtectionException>(() => protector.Unprotect(bytes, "ResultDocuments.Pdf"));
    }

    [Fact]
    public void A_value_moved_to_another_column_fails()
    {
        var protector = new FieldProtector(Keys("k1", "k1"));
        var stored = protector.Protect(IdNumber, "LicenceConsents.GrantorIdNumber");

        var e = Assert.Throws<FieldProtectionException>(() => protector.Unprotect(stored, "LicenceConsents.GranteeIdNumber"));
        Assert.Contains("LicenceConsents.GranteeIdNumber", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_the_ring_does_not_hold_fails_and_so_does_a_wrong_key_under_the_same_id()
    {
        var old = new FieldProtector(Keys("k1", "k1"));
        var stored = old.Protect(IdNumber, Purpose);

        var e = Assert.Throws<FieldProtectionException>(() => new FieldProtector(Keys("k2", "k2")).Unprotect(stored, Purpose));
        Assert.Contains("'k1'", e.Message, StringComparison.Ordinal);

        var impostor = new FieldProtector(new FieldKeys(new Dictionary<string, byte[]> { ["k1"] = new byte[32] }, "k1", new byte[32]));
        Assert.Throws<FieldProtectionException>(() => impostor.Unprotect(stored, Purpose));
        Assert.Throws<FieldProtectionException>(() => old.Unprotect("enc:v1:k1:not*base64", Purpose));
        Assert.Throws<FieldProtectionException>(() => old.Unprotect("enc:v1:k1:AAAA", Purpose));
    }

    [Fact]
    public void Older_keys_keep_reading_after_a_rotation()
    {
        var stored = new FieldProtector(Keys("k1", "k1")).Protect(IdNumber, Purpose);
        var rotated = new FieldProtector(Keys("k2", "k1", "k2"));

        Assert.Equal(IdNumber, rotated.Unprotect(stored, Purpose));
        Assert.False(rotated.IsCurrent(stored));
        Assert.StartsWith("enc:v1:k2:", rotated.Protect(IdNumber, Purpose), StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_plain_text_reads_as_it_is()
    {
        var protector = new FieldProtector(Keys("k1", "k1"));
        Assert.Equal(IdNumber, protector.Unprotect(IdNumber, Purpose));
        Assert.False(protector.IsCurrent(IdNumber));
    }

    [Fact]
    public void Lookup_hashes_are_keyed_equal_for_equal_identifiers_and_normalised()
    {
        var protector = new FieldProtector(Keys("k1", "k1"));
        var hash = protector.Hash("37170219900101123x");

        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, protector.Hash(" 37170219900101123X "));
        Assert.NotEqual(hash, protector.Hash(IdNumber));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("37170219900101123X"))), hash);
        Assert.NotEqual(hash, FieldProtector.Development.Hash("37170219900101123X"));
        Assert.Null(protector.HashOrNull(null));
    }

    [Fact]
    public void Development_keys_only_on_the_embedded_default_or_the_sandbox_profile()
    {
        Assert.Same(DevelopmentFieldKeys.Keys, new ConfigurationFieldKeyProvider(new ProtectionOptions(), new HostProfile(Embedded: true, Sandbox: false)).GetKeys());
        Assert.Same(DevelopmentFieldKeys.Keys, new ConfigurationFieldKeyProvider(new ProtectionOptions(), new HostProfile(Embedded: false, Sandbox: true)).GetKeys());

        var e = Assert.Throws<StartupCheckException>(() => new ConfigurationFieldKeyProvider(new ProtectionOptions(), new HostProfile(false, false)).GetKeys());
        Assert.Contains("Protection:Keys", e.Message, StringComparison.Ordinal);
        Assert.Contains("Protection:ActiveKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_keys_are_checked_and_named_when_wrong()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var production = new HostProfile(false, false);
        FieldKeys Read(ProtectionOptions options) => new ConfigurationFieldKeyProvider(options, production).GetKeys();

        var keys = Read(new ProtectionOptions { Keys = { ["k1"] = key, ["k2"] = key }, ActiveKey = "k2", LookupKey = key });
        Assert.Equal("k2", keys.ActiveKeyId);
        Assert.Equal(2, keys.Keys.Count);

        Assert.Contains("Protection:ActiveKey", Assert.Throws<StartupCheckException>(() => Read(new ProtectionOptions { Keys = { ["k1"] = key }, LookupKey = key })).Message, StringComparison.Ordinal);
        Assert.Contains("'k9'", Assert.Throws<StartupCheckException>(() => Read(new ProtectionOptions { Keys = { ["k1"] = key }, ActiveKey = "k9", LookupKey = key })).Message, StringComparison.Ordinal);
        Assert.Contains("Protection:LookupKey", Assert.Throws<StartupCheckException>(() => Read(new ProtectionOptions { Keys = { ["k1"] = key }, ActiveKey = "k1" })).Message, StringComparison.Ordinal);
        Assert.Contains("Protection:Keys:k1", Assert.Throws<StartupCheckException>(() => Read(new ProtectionOptions { Keys = { ["k1"] = Convert.ToBase64String(new byte[16]) }, ActiveKey = "k1", LookupKey = key })).Message, StringComparison.Ordinal);
        Assert.Contains("Protection:Keys:k1", Assert.Throws<StartupCheckException>(() => Read(new ProtectionOptions { Keys = { ["k1"] = "not base64!" }, ActiveKey = "k1", LookupKey = key })).Message, StringComparison.Ordinal);
    }
}
