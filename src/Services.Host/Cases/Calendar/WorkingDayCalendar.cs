using System.Collections.Frozen;
using System.Text.Json;

namespace OneThing.Host.Cases.Calendar;

/// <summary>
/// The working-day calendar that legal deadlines (承诺时限) are counted on: weekdays, minus statutory holidays,
/// plus the weekend days worked instead (调休上班). An immutable value built from data and identified by
/// <see cref="Version"/>; a year with no data falls back to weekends only and makes results provisional.
/// </summary>
/// <remarks>Each published year is kept as a 366-bit map of its working days, so a lookup allocates nothing.</remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>Longest deadline accepted, about ten years of working days: bounds the work one call can do.</summary>
    public const int MaxDays = 2_500;

    private const string ResourceName = "OneThing.Host.Cases.Calendar.working-days.json";
    private static readonly Lazy<WorkingDayCalendar> Shipped = new(LoadShipped);
    private readonly FrozenDictionary<int, ulong[]> _workingDays;

    private WorkingDayCalendar(string version, IReadOnlyList<CalendarYear> years, FrozenDictionary<int, ulong[]> workingDays)
    {
        Version = version;
        Years = years;
        _workingDays = workingDays;
    }

    /// <summary>The official calendars shipped with the application (working-days.json: 2025 and 2026).</summary>
    public static WorkingDayCalendar Default => Shipped.Value;

    /// <summary>Identifies this data; stored with every deadline it computes.</summary>
    public string Version { get; }

    /// <summary>The published years, in year order.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>
    /// Builds a calendar, refusing inconsistent data: a holiday span outside its year or reversed, a make-up
    /// working day that is not a weekend day or is also a holiday, a year given twice.
    /// </summary>
    /// <exception cref="ArgumentException">The data is inconsistent; the message says where.</exception>
    public static WorkingDayCalendar Create(string version, IEnumerable<CalendarYear> years)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(years);
        var ordered = years.OrderBy(y => y.Year).ToList();
        var maps = new Dictionary<int, ulong[]>();
        foreach (var year in ordered)
        {
            if (!maps.TryAdd(year.Year, BuildYear(year)))
            {
                throw new ArgumentException($"Calendar {version}: year {year.Year} is given twice.", nameof(years));
            }
        }

        return new WorkingDayCalendar(version, ordered.AsReadOnly(), maps.ToFrozenDictionary());
    }

    /// <summary>Reads a calendar from JSON shaped like working-days.json: <c>{ "version", "years": [ { "year", "holidays": [ { "name", "nameEn", "from", "to" } ], "makeUpWorkingDays": [] } ] }</c>.</summary>
    /// <exception cref="JsonException">The JSON does not have that shape.</exception>
    /// <exception cref="ArgumentException">The data is inconsistent (see <see cref="Create"/>).</exception>
    public static WorkingDayCalendar FromJson(Stream utf8Json)
    {
        var document = JsonSerializer.Deserialize<CalendarDocument>(utf8Json, JsonSerializerOptions.Web)
            ?? throw new JsonException("The calendar document is empty.");
        return Create(document.Version ?? string.Empty, document.Years ?? []);
    }

    /// <summary>
    /// This calendar with <paramref name="year"/> added, or replacing the year already there: the data of a new
    /// version named <paramref name="version"/>. This calendar itself does not change.
    /// </summary>
    /// <exception cref="ArgumentException">The year's data is inconsistent (see <see cref="Check"/>).</exception>
    public WorkingDayCalendar WithYear(string version, CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return Create(version, Years.Where(y => y.Year != year.Year).Append(year));
    }

    /// <summary>
    /// Everything inconsistent in one year's data, in order: a holiday span reversed or outside the year, a make-up
    /// working day outside the year, on a weekday, or on a holiday. Empty when <see cref="Create"/> accepts the year.
    /// </summary>
    public static IReadOnlyList<CalendarYearIssue> Check(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var issues = new List<CalendarYearIssue>();
        var holidays = year.Holidays ?? [];
        for (var i = 0; i < holidays.Count; i++)
        {
            var h = holidays[i];
            var span = $"{h.From:yyyy-MM-dd}–{h.To:yyyy-MM-dd}";
            if (h.From.Year != year.Year || h.To.Year != year.Year)
            {
                issues.Add(new CalendarYearIssue(CalendarYearIssueKind.HolidayOutsideYear, i,
                    $"Year {year.Year}: holiday '{h.Name}' {span} is not a span within the year.", $"{year.Year}年：假期“{h.Name}”{span}不在该年度内。"));
            }
            else if (h.To < h.From)
            {
                issues.Add(new CalendarYearIssue(CalendarYearIssueKind.HolidayReversed, i,
                    $"Year {year.Year}: holiday '{h.Name}' {span} ends before it starts.", $"{year.Year}年：假期“{h.Name}”{span}的结束日期早于开始日期。"));
            }
        }

        var holidayDays = HolidayDays(year);
        var makeUp = year.MakeUpWorkingDays ?? [];
        for (var i = 0; i < makeUp.Count; i++)
        {
            var day = makeUp[i];
            var (kind, reason, reasonZh) = day.Year != year.Year ? (CalendarYearIssueKind.MakeUpOutsideYear, "is not in that year", "不在该年度内")
                : !IsWeekend(day) ? (CalendarYearIssueKind.MakeUpNotWeekend, "is not a Saturday or Sunday", "不是周六或周日")
                : holidayDays.Contains(day) ? (CalendarYearIssueKind.MakeUpOnHoliday, "falls on a holiday", "与假期重叠")
                : ((CalendarYearIssueKind?)null, "", "");
            if (kind is { } k)
            {
                issues.Add(new CalendarYearIssue(k, i,
                    $"Year {year.Year}: make-up working day {day:yyyy-MM-dd} {reason}; it must be a weekend day of that year and not a holiday.",
                    $"{year.Year}年：调休上班日 {day:yyyy-MM-dd} {reasonZh}，须为该年度内的周六或周日且不在假期中。"));
            }
        }

        return issues;
    }

    /// <summary>Whether the holidays of <paramref name="year"/> are in this calendar.</summary>
    public bool IsPublished(int year) => _workingDays.ContainsKey(year);

    /// <summary>Whether offices work on <paramref name="date"/>; for an unpublished year, whether it is a weekday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!_workingDays.TryGetValue(date.Year, out var bits))
        {
            return !IsWeekend(date);
        }

        var index = date.DayOfYear - 1;
        return (bits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>
    /// The deadline <paramref name="days"/> working days after acceptance: counting starts the day after
    /// <paramref name="accepted"/>, so the due date is always a working day (a limit ending on a holiday moves
    /// to the next working day by construction). Zero days is the first working day on or after acceptance (即办).
    /// </summary>
    public WorkingDayResult AddWorkingDays(DateOnly accepted, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var date = accepted;
        var provisional = false;
        if (days == 0)
        {
            provisional = !IsPublished(date.Year);
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
                provisional |= !IsPublished(date.Year);
            }

            return new WorkingDayResult(date, provisional, Version);
        }

        for (var remaining = days; remaining > 0;)
        {
            date = date.AddDays(1);
            provisional |= !IsPublished(date.Year);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return new WorkingDayResult(date, provisional, Version);
    }

    /// <summary>
    /// Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]: with today and the due
    /// date, the working days left (0 on the due date itself). When <paramref name="toInclusive"/> is earlier the
    /// result is negative: minus the working days elapsed since it, i.e. how many working days overdue.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -WorkingDaysBetween(toInclusive, fromExclusive);
        }

        var count = 0;
        for (var date = fromExclusive; date < toInclusive;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The instant a deadline on <paramref name="date"/> expires: the end of that day in Beijing (<see cref="ChinaTime.EndOfDay"/>).</summary>
    public static DateTimeOffset EndOfWorkingDay(DateOnly date) => ChinaTime.EndOfDay(date);

    /// <summary>The Beijing calendar date of <paramref name="instant"/>, e.g. the acceptance date of a case.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => ChinaTime.LocalDate(instant);

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static ulong[] BuildYear(CalendarYear year)
    {
        if (Check(year) is [var first, ..])
        {
            throw new ArgumentException(first.Detail);
        }

        var bits = new ulong[6];
        var holidays = HolidayDays(year);
        for (var day = new DateOnly(year.Year, 1, 1); day.Year == year.Year; day = day.AddDays(1))
        {
            if (!IsWeekend(day) && !holidays.Contains(day))
            {
                Set(bits, day);
            }
        }

        foreach (var day in year.MakeUpWorkingDays ?? [])
        {
            Set(bits, day);
        }

        return bits;
    }

    private static HashSet<DateOnly> HolidayDays(CalendarYear year)
    {
        var days = new HashSet<DateOnly>();
        foreach (var holiday in year.Holidays ?? [])
        {
            for (var day = holiday.From; day <= holiday.To && day.Year == year.Year; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static void Set(ulong[] bits, DateOnly day)
    {
        var index = day.DayOfYear - 1;
        bits[index >> 6] |= 1UL << (index & 63);
    }

    private static WorkingDayCalendar LoadShipped()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("working-days.json is not embedded.");
        return FromJson(stream);
    }

    private sealed record CalendarDocument(string? Version, IReadOnlyList<CalendarYear>? Years);
}
