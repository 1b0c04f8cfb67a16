using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneThing.Integrations.Licences;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>DEVELOPMENT ONLY: one use of a holder's licence recorded by the sandbox library, refused ones included.</summary>
public sealed class SandboxLicencePull
{
    public Guid Id { get; set; }

    public required string HolderId { get; set; }

    public required string Type { get; set; }

    public required string CaseNumber { get; set; }

    /// <summary>用证事由.</summary>
    public required string Purpose { get; set; }

    public required string Requester { get; set; }

    public DateTimeOffset PulledAt { get; set; }

    public LicencePullOutcome Outcome { get; set; }

    public string? LicenceId { get; set; }

    public string? LicenceSha256 { get; set; }
}

internal sealed class SandboxLicencePullConfiguration : IEntityTypeConfiguration<SandboxLicencePull>
{
    public void Configure(EntityTypeBuilder<SandboxLicencePull> builder)
    {
        builder.ToTable("SandboxLicencePulls");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.HolderId).HasMaxLength(32);
        builder.Property(p => p.Type).HasMaxLength(40);
        builder.Property(p => p.CaseNumber).HasMaxLength(40);
        builder.Property(p => p.Purpose).HasMaxLength(500);
        builder.Property(p => p.Requester).HasMaxLength(100);
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.LicenceId).HasMaxLength(128);
        builder.Property(p => p.LicenceSha256).HasMaxLength(64);
        builder.HasIndex(p => new { p.HolderId, p.PulledAt });
        builder.HasIndex(p => p.CaseNumber);
    }
}
