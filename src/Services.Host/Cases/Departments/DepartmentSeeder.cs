using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Persistence;

namespace OneThing.Host.Cases.Departments;

/// <summary>Keeps the department catalogue (departments.json, reference data) in the database.</summary>
internal sealed class DepartmentSeeder(AppDbContext db) : IDataSeeder
{
    public int Order => 0;

    public static IReadOnlyList<Department> Catalogue { get; } = Load();

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var department in Catalogue)
        {
            if (existing.TryGetValue(department.Code, out var stored))
            {
                stored.Name = department.Name;
                stored.NameEn = department.NameEn;
                stored.RegionCode = department.RegionCode;
                stored.CreditCode = department.CreditCode;
            }
            else
            {
                db.Departments.Add(new Department
                {
                    Code = department.Code,
                    Name = department.Name,
                    NameEn = department.NameEn,
                    RegionCode = department.RegionCode,
                    CreditCode = department.CreditCode,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<Department> Load()
    {
        using var stream = typeof(DepartmentSeeder).Assembly.GetManifestResourceStream("OneThing.Host.Cases.Departments.departments.json")
            ?? throw new InvalidOperationException("departments.json is not embedded.");
        return JsonSerializer.Deserialize<List<Department>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("departments.json is empty.");
    }
}
