using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OneThing.Host.Cases.Model;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Protection;
using OneThing.Workflows.Messaging;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Protection;

/// <summary>Encryption at rest through EF Core on a real (SQLite) database migrated by our migrations.</summary>
public sealed class ProtectedColumnsTests : IAsyncLifetime
{
    private const string SubjectId = "371702199001011234";
    private const string GranteeId = "37170219850505567X";
    private const string Phone = "13812345678";
    private const string Card = "6222021234567890128";
    private const string Address = "菏泽市牡丹区中华路100号";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"onething-protection-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_file};Pooling=False";

    public async Task InitializeAsync()
    {
        await using var db = Open(new FieldProtector(FieldProtectorTests.Keys("k1", "k1")));
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_row_is_ciphertext_in_the_database_and_plain_through_EF_and_found_by_its_lookup_hash()
    {
        var protector = new FieldProtector(FieldProtectorTests.Keys("k1", "k1"));
        var caseId = await WriteSampleAsync(protector);

        var raw = await RawAsync("SELECT \"SubjectIdNumber\" || '|' || \"Form\" || '|' || \"SubjectIdHash\" FROM \"Cases\"");
        Assert.DoesNotContain(SubjectId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, raw, StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:k1:", raw, StringComparison.Ordinal);
        Assert.EndsWith(protector.Hash(SubjectId), raw, StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:k1:", await RawAsync("SELECT \"State\" FROM \"WorkflowInstances\""), StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:k1:", await RawAsync("SELECT \"Body\" FROM \"OutboxMessages\""), StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:k1:", await RawAsync("SELECT \"PhoneNumber\" FROM \"AspNetUsers\""), StringComparison.Ordinal);

        await using var db = Open(protector);
        var read = await db.Cases.SingleAsync(c => c.Id == caseId);
        Assert.Equal(SubjectId, read.SubjectIdNumber);
        Assert.Contains(Card, read.Form, StringComparison.Ordinal);
        Assert.Contains(Address, read.Form, StringComparison.Ordinal);
        var hash = protector.Hash(SubjectId);
        Assert.Equal(caseId, await db.Cases.Where(c => EF.Property<string>(c, PersonalDataColumns.CaseSubjectIdHash) == hash).Select(c => c.Id).SingleAsync());
        var granteeHash = protector.Hash(GranteeId);
        Assert.Single(await db.LicenceConsents.Where(c => EF.Property<string>(c, PersonalDataColumns.ConsentGranteeIdHash) == granteeHash).ToListAsync());
        Assert.Equal(Phone, (await db.Users.SingleAsync()).PhoneNumber);
        Assert.Contains(Card, (await db.Set<WorkflowInstance>().SingleAsync()).State, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_copied_into_another_column_or_tampered_in_the_database_fails_to_read()
    {
        var protector = new FieldProtector(FieldProtectorTests.Keys("k1", "k1"));
        await WriteSampleAsync(protector);

        await ExecuteAsync("UPDATE \"LicenceConsents\" SET \"GranteeIdNumber\" = \"GrantorIdNumber\"");
        await using (var db = Open(protector))
        {
            await Assert.ThrowsAsync<FieldProtectionException>(() => db.LicenceConsents.ToListAsync());
        }

        await ExecuteAsync("UPDATE \"Cases\" SET \"Form\" = substr(\"Form\", 1, 20) || (CASE substr(\"Form\", 21, 1) WHEN 'A' THEN 'B' ELSE 'A' END) || substr(\"Form\", 22)");
        await using (var db = Open(protector))
        {
            await Assert.ThrowsAsync<FieldProtectionException>(() => db.Cases.ToListAsync());
        }
    }

    [Fact]
    public async Task Rotation_write_under_k1_rotate_to_k2_reencrypt_drop_k1_and_everything_still_reads()
    {
        var k1 = new FieldProtector(FieldProtectorTests.Keys("k1", "k1"));
        var caseId = await WriteSampleAsync(k1);
        // A value from before encryption (the FieldEncryption migration leaves plain values readable).
        await ExecuteAsync($"UPDATE \"AspNetUsers\" SET \"IdNumber\" = '{GranteeId}', \"IdNumberHash\" = NULL");

        var both = new FieldProtector(FieldProtectorTests.Keys("k2", "k1", "k2"));
        await using (var db = Open(both))
        {
            var report = await new Reencryption(db, NullLogger<Reencryption>.Instance).RunAsync();
            Assert.Equal(1, report.RowsByTable["Cases"]);
            Assert.Equal(1, report.RowsByTable["AspNetUsers"]);
            Assert.Equal(1, report.RowsByTable["WorkflowInstances"]);
        }

        foreach (var (table, column) in new[] { ("Cases", "SubjectIdNumber"), ("Cases", "Form"), ("LicenceConsents", "GrantorIdNumber"), ("AspNetUsers", "IdNumber"),
                     ("AspNetUsers", "PhoneNumber"), ("WorkflowInstances", "State"), ("OutboxMessages", "Body"), ("CaseEvents", "Detail") })
        {
            Assert.StartsWith("enc:v1:k2:", await RawAsync($"SELECT \"{column}\" FROM \"{table}\""), StringComparison.Ordinal);
        }

        var k2 = new FieldProtector(FieldProtectorTests.Keys("k2", "k2"));
        await using (var db = Open(k2))
        {
            var read = await db.Cases.SingleAsync(c => c.Id == caseId);
            Assert.Equal(SubjectId, read.SubjectIdNumber);
            Assert.Contains(Card, read.Form, StringComparison.Ordinal);
            Assert.Equal(GranteeId, (await db.Users.SingleAsync()).IdNumber);
            Assert.NotEmpty(await db.CaseEvents.ToListAsync());
            Assert.NotEmpty(await db.Set<OutboxMessage>().ToListAsync());
            Assert.Contains(Address, (await db.Set<WorkflowInstance>().SingleAsync()).State, StringComparison.Ordinal);
            var hash = k2.Hash(GranteeId);
            Assert.Single(await db.Users.Where(u => EF.Property<string>(u, PersonalDataColumns.UserIdNumberHash) == hash).ToListAsync());
        }

        await using (var db = Open(new FieldProtector(FieldProtectorTests.Keys("k1", "k1"))))
        {
            await Assert.ThrowsAsync<FieldProtectionException>(() => db.Cases.ToListAsync());
        }
    }

    private SqliteAppDbContext Open(FieldProtector protector) => new(
        DatabaseProvider.Sqlite.Configure(new DbContextOptionsBuilder<SqliteAppDbContext>(), ConnectionString)
            .AddInterceptors(new LookupHashInterceptor(protector)).Options, protector);

    private async Task<Guid> WriteSampleAsync(FieldProtector protector)
    {
        await using var db = Open(protector);
        var form = $$"""{"applicant":{"idNumber":"{{SubjectId}}","mobile":"{{Phone}}","address":"{{Address}}"},"bankCard":"{{Card}}"}""";
        var @case = new Case
        {
            Id = Guid.NewGuid(), Number = "371702-20261129-0001X", JourneyCode = "newborn", JourneyVersion = 1, JourneyName = "新生儿出生",
            SubjectIdNumber = SubjectId, SubjectName = "张三", SubmittedBy = "u1", SubmittedByName = "张三", RegionCode = "371702",
            Form = form, IdempotencyKey = "k", RequestHash = "h", InstanceId = Guid.NewGuid(),
        };
        db.Cases.Add(@case);
        db.CaseEvents.Add(new CaseEvent { CaseId = @case.Id, Kind = "Submitted", Actor = "u1", Detail = $"电话 {Phone}" });
        db.LicenceConsents.Add(new LicenceConsent
        {
            Id = Guid.NewGuid(), GrantorUserId = "u1", GrantorIdNumber = SubjectId, GrantorName = "张三", GranteeIdNumber = GranteeId,
            JourneyCode = "newborn", LicenceTypes = "[]",
        });
        db.Users.Add(new AppUser { UserName = "zhangsan", DisplayName = "张三", RegionCode = "371702", IdNumber = SubjectId, PhoneNumber = Phone });
        db.Set<WorkflowInstance>().Add(new WorkflowInstance { Id = @case.InstanceId, DefinitionId = "newborn", State = form });
        db.Set<OutboxMessage>().Add(new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "MatterSubmitted", Body = form });
        await db.SaveChangesAsync();
        return @case.Id;
    }

    private async Task<string> RawAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
