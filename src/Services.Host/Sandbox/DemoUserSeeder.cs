using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;

namespace OneThing.Host.Sandbox;

/// <summary>
/// DEVELOPMENT ONLY: the demo accounts — applicants from demo-users.json, the listed staff, and a clerk
/// (<c>clerk.{code}</c>) and a head (<c>head.{code}</c>) for every department in the catalogue.
/// </summary>
internal sealed class DemoUserSeeder(UserManager<AppUser> users, ILogger<DemoUserSeeder> logger) : IDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var (user, role) in DemoAccounts())
        {
            if (await users.FindByNameAsync(user.UserName!) is not null)
            {
                continue;
            }

            var result = await users.CreateAsync(user, SandboxDefaults.DemoPassword);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {user.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            created++;
        }

        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo accounts (sandbox profile).", created);
        }
    }

    public static IEnumerable<(AppUser User, string Role)> DemoAccounts()
    {
        var file = Load();
        foreach (var a in file.Applicants)
        {
            yield return (new AppUser
            {
                UserName = a.UserName,
                DisplayName = a.DisplayName,
                IdNumber = a.IdNumber,
                PhoneNumber = a.Phone,
                PhoneNumberConfirmed = true,
                RegionCode = a.RegionCode,
                AssuranceLevel = a.AssuranceLevel,
            }, Roles.Applicant);
        }

        foreach (var s in file.Staff)
        {
            yield return (new AppUser
            {
                UserName = s.UserName,
                DisplayName = s.DisplayName,
                DepartmentCode = s.DepartmentCode,
                RegionCode = s.RegionCode,
                AssuranceLevel = 4,
            }, s.Role);
        }

        foreach (var department in DepartmentSeeder.Catalogue)
        {
            yield return (Staff($"clerk.{department.Code}", $"{department.Name}·经办人", department), Roles.Clerk);
            yield return (Staff($"head.{department.Code}", $"{department.Name}·负责人", department), Roles.DepartmentHead);
        }
    }

    private static AppUser Staff(string userName, string displayName, Department department) => new()
    {
        UserName = userName,
        DisplayName = displayName,
        DepartmentCode = department.Code,
        RegionCode = department.RegionCode,
        AssuranceLevel = 4,
    };

    private static DemoFile Load()
    {
        using var stream = typeof(DemoUserSeeder).Assembly.GetManifestResourceStream("OneThing.Host.Sandbox.demo-users.json")
            ?? throw new InvalidOperationException("demo-users.json is not embedded.");
        return JsonSerializer.Deserialize<DemoFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("demo-users.json is empty.");
    }

    private sealed record DemoFile(List<DemoApplicant> Applicants, List<DemoStaff> Staff);

    private sealed record DemoApplicant(string UserName, string DisplayName, string IdNumber, string Phone, string RegionCode, int AssuranceLevel);

    private sealed record DemoStaff(string UserName, string DisplayName, string Role, string? DepartmentCode, string RegionCode);
}
