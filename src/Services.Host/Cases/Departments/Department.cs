using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Cases.Departments;

/// <summary>A department (or partner body) that handles matters (事项) of the journeys.</summary>
public sealed class Department
{
    /// <summary>Stable code used in tokens, queues and workflow definitions, e.g. <c>police</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string NameEn { get; set; }

    /// <summary>GB/T 2260 code of the area it serves.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Unified social credit code (GB 32100) of the body: the issuer code of the licences it issues.</summary>
    public required string CreditCode { get; set; }

    /// <summary>Name of its back-office queue on the bus (<c>department-{code}</c>).</summary>
    public string QueueName => $"department-{Code}";
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(200);
        builder.Property(d => d.RegionCode).HasMaxLength(12);
        builder.Property(d => d.CreditCode).HasMaxLength(18);
        builder.Ignore(d => d.QueueName);
    }
}
