using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Persistence;

namespace OneThing.Host.Cases;

public static class CasesExtensions
{
    /// <summary>The one-matter domain: departments and form validation now; cases, matters and tasks as the journeys land.</summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDataSeeder, DepartmentSeeder>();
        builder.Services.AddSingleton<FormValidator>();
        return builder;
    }
}
