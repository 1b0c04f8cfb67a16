using OneThing.Host.Cases.Departments;
using OneThing.Host.Persistence;

namespace OneThing.Host.Cases;

public static class CasesExtensions
{
    /// <summary>The one-matter domain: departments now; cases, matters and tasks as the journeys land.</summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDataSeeder, DepartmentSeeder>();
        return builder;
    }
}
