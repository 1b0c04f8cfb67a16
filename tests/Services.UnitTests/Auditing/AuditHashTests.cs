using OneThing.Host.Auditing;

namespace OneThing.UnitTests.Auditing;

public sealed class AuditHashTests
{
    private static AuditEvent Event() => new()
    {
        Id = 7,
        Sequence = 3,
        PreviousHash = new string('a', 64),
        OccurredAt = new DateTimeOffset(2026, 11, 29, 10, 0, 0, 123, TimeSpan.FromHours(8)),
        ActorId = "user-1",
        ActorRole = "applicant",
        Subject = "3717**********1231",
        CaseNumber = "37170220261129000001K",
        Action = AuditActions.LicencePull,
        Purpose = "新生儿出生一件事",
        Detail = "{\"licenceType\":\"id-card\"}",
        RequestHash = new string('b', 64),
        ResponseHash = new string('c', 64),
    };

    [Fact]
    public void The_same_event_hashes_the_same_whatever_the_offset_of_its_time()
    {
        var utc = Event();
        utc.OccurredAt = utc.OccurredAt.ToUniversalTime();

        Assert.Equal(AuditHash.Compute(Event()), AuditHash.Compute(utc));
        Assert.Matches("^[0-9a-f]{64}$", AuditHash.Compute(Event()));
    }

    public static TheoryData<string> Fields => ["Id", "Sequence", "PreviousHash", "OccurredAt", "ActorId", "ActorRole", "Subject", "CaseNumber", "Action",
        "Purpose", "EntityType", "EntityKey", "Changes", "Detail", "RequestHash", "ResponseHash"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var changed = Event();
        var property = typeof(AuditEvent).GetProperty(field)!;
        object value = property.PropertyType switch
        {
            var t when t == typeof(long) || t == typeof(long?) => 99L,
            var t when t == typeof(DateTimeOffset) => changed.OccurredAt.AddMilliseconds(1),
            _ => "changed",
        };
        property.SetValue(changed, value);

        Assert.NotEqual(AuditHash.Compute(Event()), AuditHash.Compute(changed));
    }

    [Fact]
    public void A_value_cannot_be_moved_into_its_neighbour()
    {
        var a = Event();
        a.ActorId = "user-1applicant";
        a.ActorRole = string.Empty;
        var b = Event();
        b.ActorId = "user-1";
        b.ActorRole = "applicant";

        Assert.NotEqual(AuditHash.Compute(a), AuditHash.Compute(b));
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_every_database_stores() =>
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 5, TimeSpan.Zero), AuditHash.Truncate(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 5, TimeSpan.Zero).AddTicks(4321)));
}
