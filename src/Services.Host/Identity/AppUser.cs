using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Identity;

/// <summary>A person who signs in: applicant, clerk, head, window clerk, administrator or auditor.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Real name as verified (实名), shown on cases and in the audit trail.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The department a clerk or head works in (see the department catalogue); null for applicants.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>GB/T 2260 region code of the person's registered area or the staff member's office.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Real-name assurance level (实名认证等级): 1 self-declared … 4 verified in person.</summary>
    public int AssuranceLevel { get; set; } = 1;

    /// <summary>公民身份号码 of an applicant. Encrypted at rest; matched by its lookup hash (see <see cref="Protection.PersonalDataColumns"/>).</summary>
    public string? IdNumber { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.DepartmentCode).HasMaxLength(32);
        builder.Property(u => u.RegionCode).HasMaxLength(12);
        builder.Property(u => u.IdNumber).HasMaxLength(18);
        builder.HasOne<Cases.Departments.Department>().WithMany().HasForeignKey(u => u.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
