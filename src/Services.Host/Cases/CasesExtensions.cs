using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Persistence;

namespace OneThing.Host.Cases;

public static class CasesExtensions
{
    /// <summary>The one-matter domain: departments, the working-day calendar versions, the journey catalogue with compiled forms, form validation, case submission.</summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDataSeeder, DepartmentSeeder>();
        builder.Services.AddScoped<IDataSeeder, CalendarSeeder>();
        builder.Services.AddSingleton<CalendarCache>();
        builder.Services.AddScoped<ICalendarProvider, CalendarProvider>();
        builder.Services.AddSingleton<FormValidator>();
        builder.Services.AddSingleton<JourneyCache>();
        builder.Services.AddSingleton<OneThing.Workflows.Definitions.IDefinitionCheck, JourneyDefinitionCheck>();
        builder.Services.AddScoped<JourneyCatalogue>();
        builder.Services.AddScoped<CaseSubmission>();
        builder.Services.AddOptions<Activities.SlaOptions>().Bind(builder.Configuration.GetSection(Activities.SlaOptions.Section))
            .Validate(o => o.WarningFraction is > 0 and < 1, "Cases:Sla:WarningFraction must be between 0 and 1 (e.g. 0.8).").ValidateOnStart();
        return builder;
    }
}
