using System.Globalization;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Hosting;

namespace OneThing.Host.Admin;

/// <summary>One holiday span of a year being published: dates as <c>yyyy-MM-dd</c>, both ends included.</summary>
public sealed record HolidayInput(string? From, string? To, string? Name, string? NameEn);

/// <summary>
/// An administrator's publication of one year (<c>PUT /api/v1/admin/calendars/years/{year}</c>): the holidays, the
/// weekend days worked instead (调休上班), why (required, e.g. the State Council notice) and optionally the notice's title.
/// </summary>
public sealed record CalendarYearRequest(List<HolidayInput?>? Holidays, List<string?>? MakeUpWorkingDays, string? Reason, string? Source)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;
    public const int MaxEntries = 40;

    /// <summary>
    /// The year's data, or the field errors that stop it: shape first (dates, names, reason), then the calendar's
    /// own consistency rules (<see cref="WorkingDayCalendar.Check"/>) with pointers to the holiday or day at fault.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(int year, out CalendarYear? data)
    {
        data = null;
        var errors = new List<FieldError>();
        if (year is < FirstYear or > LastYear)
        {
            errors.Add(new FieldError("#/year", "range", $"The year is from {FirstYear} to {LastYear}.", $"年份须在 {FirstYear} 至 {LastYear} 之间。"));
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add(new FieldError("#/reason", "required", "Say why the calendar changes (e.g. the notice it follows).", "请填写变更原因（如所依据的通知）。"));
        }
        else if (Reason.Length > 1000)
        {
            errors.Add(new FieldError("#/reason", "too_long", "The reason has at most 1000 characters.", "变更原因不能超过 1000 个字。"));
        }

        if (Source is { Length: > 200 })
        {
            errors.Add(new FieldError("#/source", "too_long", "The source has at most 200 characters.", "依据通知名称不能超过 200 个字。"));
        }

        var holidays = new List<Holiday>();
        if (Holidays is null || Holidays.Count == 0)
        {
            errors.Add(new FieldError("#/holidays", "required", "List the year's holidays.", "请填写该年度的放假安排。"));
        }
        else if (Holidays.Count > MaxEntries)
        {
            errors.Add(new FieldError("#/holidays", "too_many", $"At most {MaxEntries} holidays.", $"假期不能超过 {MaxEntries} 项。"));
        }
        else
        {
            for (var i = 0; i < Holidays.Count; i++)
            {
                if (ToHoliday(Holidays[i], $"#/holidays/{i}", errors) is { } holiday)
                {
                    holidays.Add(holiday);
                }
            }
        }

        var makeUp = new List<DateOnly>();
        if (MakeUpWorkingDays is { Count: > MaxEntries })
        {
            errors.Add(new FieldError("#/makeUpWorkingDays", "too_many", $"At most {MaxEntries} make-up working days.", $"调休上班日不能超过 {MaxEntries} 天。"));
        }
        else
        {
            for (var i = 0; i < (MakeUpWorkingDays?.Count ?? 0); i++)
            {
                if (Date(MakeUpWorkingDays![i], $"#/makeUpWorkingDays/{i}", errors) is { } day)
                {
                    makeUp.Add(day);
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var candidate = new CalendarYear(year, holidays, makeUp, string.IsNullOrWhiteSpace(Source) ? null : Source.Trim());
        errors.AddRange(WorkingDayCalendar.Check(candidate).Select(ToFieldError));
        data = errors.Count == 0 ? candidate : null;
        return errors;
    }

    private static Holiday? ToHoliday(HolidayInput? input, string pointer, List<FieldError> errors)
    {
        if (input is null)
        {
            errors.Add(new FieldError(pointer, "required", "A holiday is { from, to, name }.", "假期须包含开始日期、结束日期和名称。"));
            return null;
        }

        var count = errors.Count;
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            errors.Add(new FieldError($"{pointer}/name", "required", "The holiday's name (e.g. 春节), at most 50 characters.", "请填写假期名称（如“春节”），不超过 50 个字。"));
        }

        var nameEn = input.NameEn?.Trim();
        if (nameEn is { Length: > 100 })
        {
            errors.Add(new FieldError($"{pointer}/nameEn", "too_long", "The English name has at most 100 characters.", "英文名称不能超过 100 个字符。"));
        }

        var from = Date(input.From, $"{pointer}/from", errors);
        var to = Date(input.To, $"{pointer}/to", errors);
        return errors.Count > count ? null : new Holiday(name!, string.IsNullOrEmpty(nameEn) ? name! : nameEn, from!.Value, to!.Value);
    }

    private static DateOnly? Date(string? text, string pointer, List<FieldError> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(pointer, "date", "A date as yyyy-MM-dd.", "日期须为 yyyy-MM-dd 格式的有效日期。"));
        return null;
    }

    private static FieldError ToFieldError(CalendarYearIssue issue) => issue.Kind switch
    {
        CalendarYearIssueKind.HolidayOutsideYear => new($"#/holidays/{issue.Index}", "outside_year", issue.Detail, issue.DetailZh),
        CalendarYearIssueKind.HolidayReversed => new($"#/holidays/{issue.Index}/to", "reversed", issue.Detail, issue.DetailZh),
        CalendarYearIssueKind.MakeUpOutsideYear => new($"#/makeUpWorkingDays/{issue.Index}", "outside_year", issue.Detail, issue.DetailZh),
        CalendarYearIssueKind.MakeUpNotWeekend => new($"#/makeUpWorkingDays/{issue.Index}", "not_weekend", issue.Detail, issue.DetailZh),
        _ => new($"#/makeUpWorkingDays/{issue.Index}", "on_holiday", issue.Detail, issue.DetailZh),
    };
}
