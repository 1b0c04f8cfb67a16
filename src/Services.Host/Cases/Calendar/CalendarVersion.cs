using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// One version of the working-day calendar as stored: every published year, who made the version, when and why.
/// Versions are never edited: an administrator's change writes the next version and makes it current, so a
/// deadline's recorded <see cref="Name"/> always finds the data that computed it.
/// </summary>
public sealed class CalendarVersion
{
    /// <summary>Who made version 1, the calendar shipped with the application (working-days.json).</summary>
    public const string ShippedBy = "system";

    public Guid Id { get; set; }

    /// <summary>1, 2, 3…: the order of the versions; unique, so two concurrent changes cannot both become the next one.</summary>
    public int Number { get; set; }

    /// <summary>The <see cref="WorkingDayCalendar.Version"/> recorded with the deadlines it computes, e.g. <c>cn-2025-2027.2</c>.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The administrator's user id, or <see cref="ShippedBy"/>.</summary>
    public required string CreatedBy { get; set; }

    public string? CreatedByName { get; set; }

    /// <summary>Why the version was made, e.g. the State Council notice it follows.</summary>
    public required string Reason { get; set; }

    /// <summary>JSON array of <see cref="CalendarYear"/>: every year of this version, not only the one changed.</summary>
    public required string Years { get; set; }

    /// <summary>The version new deadlines are computed on; exactly one is current.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>The calendar this version holds.</summary>
    public WorkingDayCalendar ToCalendar() =>
        WorkingDayCalendar.Create(Name, JsonSerializer.Deserialize<List<CalendarYear>>(Years, JsonSerializerOptions.Web) ?? []);

    /// <summary>A new version holding <paramref name="calendar"/>.</summary>
    public static CalendarVersion Of(WorkingDayCalendar calendar, int number, DateTimeOffset createdAt, string createdBy, string? createdByName,
        string reason, bool isCurrent) => new()
        {
            Id = Guid.CreateVersion7(createdAt),
            Number = number,
            Name = calendar.Version,
            CreatedAt = createdAt,
            CreatedBy = createdBy,
            CreatedByName = createdByName,
            Reason = reason,
            Years = JsonSerializer.Serialize(calendar.Years, JsonSerializerOptions.Web),
            IsCurrent = isCurrent,
        };

    /// <summary>Version 1: the shipped calendar, seeded when the table is empty.</summary>
    public static CalendarVersion Shipped(DateTimeOffset now) => Of(WorkingDayCalendar.Default, 1, now, ShippedBy, "系统 · System",
        "Shipped with the application (working-days.json) · 随系统发布的节假日安排", isCurrent: true);

    /// <summary>
    /// The name of version <paramref name="number"/> of <paramref name="years"/>: the years it covers and its number,
    /// e.g. <c>cn-2025-2027.2</c> (the shipped version 1 keeps the name in working-days.json).
    /// </summary>
    public static string NameFor(int number, IEnumerable<int> years)
    {
        var covered = years.Order().ToList();
        return covered.Count == 0 ? $"cn.{number}" : $"cn-{covered[0]}-{covered[^1]}.{number}";
    }
}

internal sealed class CalendarVersionConfiguration : IEntityTypeConfiguration<CalendarVersion>
{
    public void Configure(EntityTypeBuilder<CalendarVersion> builder)
    {
        builder.ToTable("CalendarVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(64);
        builder.HasIndex(v => v.Name).IsUnique();
        builder.Property(v => v.CreatedBy).HasMaxLength(100);
        builder.Property(v => v.CreatedByName).HasMaxLength(200);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.HasIndex(v => v.IsCurrent);
    }
}
