using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using OneThing.Host.Protection;

namespace OneThing.FunctionalTests.Protection;

/// <summary>
/// The key ring from outside, as an operator meets it: a real installation without keys refuses to start and names
/// the settings; `reencrypt` rotates a PostgreSQL database from one key to the next, after which the old key can go.
/// </summary>
public sealed class KeyRingCommandTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task A_host_that_is_neither_embedded_nor_sandbox_refuses_to_start_without_keys_and_names_the_settings()
    {
        var environment = Platform.Environment();
        environment["Sandbox__Enabled"] = "false";
        environment["Documents__Enabled"] = "false"; // otherwise the development seals are refused first
        var (exitCode, output) = await HostProcess.RunAsync(["--urls", $"http://127.0.0.1:{HostProcess.FreeTcpPort()}"], environment, TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 2, output);
        Assert.Contains("Protection:Keys", output, StringComparison.Ordinal);
        Assert.Contains("Protection:ActiveKey", output, StringComparison.Ordinal);
        Assert.Contains("Protection:LookupKey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reencrypt_moves_every_value_to_the_new_key_and_the_old_key_can_then_be_dropped()
    {
        var database = $"onething_rotate_{Guid.NewGuid():N}"[..30];
        await TestServices.CreateDatabaseAsync(database);
        try
        {
            // Written under the development key dev1 (the sandbox profile's): the demo accounts' ID and phone numbers.
            var environment = Platform.Environment();
            environment["Database__ConnectionString"] = TestServices.PostgresDatabase(database);
            var migrate = await HostProcess.RunAsync(["migrate"], environment, TimeSpan.FromMinutes(2));
            Assert.True(migrate.ExitCode == 0, migrate.Output);
            Assert.All(await ColumnAsync(database, "IdNumber"), v => Assert.StartsWith("enc:v1:dev1:", v, StringComparison.Ordinal));
            // …and a data-protection master key, stored the way a host stores one (encrypted under dev1).
            var masterKey = XElement.Parse("<masterKey><value>c2VjcmV0LW1hc3Rlci1rZXk=</value></masterKey>");
            var stored = new XElement("key", new XElement("encryptedSecret",
                new FieldXmlEncryptor(FieldProtector.Development).Encrypt(masterKey).EncryptedElement));
            await SqlAsync(database, $"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ('key-test', '{stored}')");

            // Rotate: k2 becomes active, dev1 stays for reading; a new lookup key too.
            var k2 = RandomNumberGenerator.GetBytes(32);
            var lookup = RandomNumberGenerator.GetBytes(32);
            environment["Protection__Keys__dev1"] = Convert.ToBase64String(DevelopmentFieldKeys.Keys.Keys[DevelopmentFieldKeys.KeyId]);
            environment["Protection__Keys__k2"] = Convert.ToBase64String(k2);
            environment["Protection__ActiveKey"] = "k2";
            environment["Protection__LookupKey"] = Convert.ToBase64String(lookup);
            var rotate = await HostProcess.RunAsync(["reencrypt"], environment, TimeSpan.FromMinutes(2));
            Assert.True(rotate.ExitCode == 0, rotate.Output);

            var ids = await ColumnAsync(database, "IdNumber");
            Assert.NotEmpty(ids);
            Assert.All(ids, v => Assert.StartsWith("enc:v1:k2:", v, StringComparison.Ordinal));
            Assert.All(await ColumnAsync(database, "PhoneNumber"), v => Assert.StartsWith("enc:v1:k2:", v, StringComparison.Ordinal));
            var rotated = new FieldProtector(new FieldKeys(new Dictionary<string, byte[]> { ["k2"] = k2 }, "k2", lookup));
            Assert.Contains(rotated.Hash(JourneyForms.ZhangWei), await ColumnAsync(database, "IdNumberHash"));
            var rekeyed = XElement.Parse(await SqlAsync(database, "SELECT \"Xml\" FROM \"DataProtectionKeys\" WHERE \"FriendlyName\" = 'key-test'"))
                .Descendants("encryptedKey").Single();
            Assert.StartsWith("enc:v1:k2:", rekeyed.Element("value")!.Value, StringComparison.Ordinal);
            await using var services = new ServiceCollection().AddSingleton(rotated).BuildServiceProvider();
            Assert.True(XNode.DeepEquals(masterKey, new FieldXmlDecryptor(services).Decrypt(rekeyed)));

            // Drop dev1: everything still reads (a second pass decrypts every value under k2 alone).
            environment.Remove("Protection__Keys__dev1");
            var again = await HostProcess.RunAsync(["reencrypt"], environment, TimeSpan.FromMinutes(2));
            Assert.True(again.ExitCode == 0, again.Output);

            // And with only the dropped key, nothing reads: the values really moved.
            environment["Protection__Keys__dev1"] = Convert.ToBase64String(DevelopmentFieldKeys.Keys.Keys[DevelopmentFieldKeys.KeyId]);
            environment.Remove("Protection__Keys__k2");
            environment["Protection__ActiveKey"] = "dev1";
            var stale = await HostProcess.RunAsync(["reencrypt"], environment, TimeSpan.FromMinutes(2));
            Assert.Equal(1, stale.ExitCode);
            Assert.Contains("'k2'", stale.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }

    private static async Task<string> SqlAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(TestServices.PostgresDatabase(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync()) as string ?? string.Empty;
    }

    private static async Task<List<string>> ColumnAsync(string database, string column)
    {
        await using var connection = new NpgsqlConnection(TestServices.PostgresDatabase(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"{column}\" FROM \"AspNetUsers\" WHERE \"{column}\" IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
