using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneThing.Integrations.Licences;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>DEVELOPMENT ONLY: an e-licence held by the sandbox licence library.</summary>
public sealed class SandboxLicence
{
    /// <summary>GB/T 36904 identifier.</summary>
    public required string Id { get; set; }

    /// <summary>Licence type code, e.g. <c>id-card</c>.</summary>
    public required string Type { get; set; }

    public required string HolderId { get; set; }

    public required string HolderName { get; set; }

    /// <summary>
    /// Other people the licence lists, as <c>,id,id,</c> (the members of a household register), so a member's
    /// ID number finds it too.
    /// </summary>
    public string MemberIds { get; set; } = ",";

    public required string IssuerCode { get; set; }

    public required string IssuerName { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public LicenceStatus Status { get; set; }

    /// <summary>When it was revoked or superseded.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>Why it was revoked, e.g. 挂失作废.</summary>
    public string? StatusReason { get; set; }

    /// <summary>The licence this one replaced (restored when this one is revoked).</summary>
    public string? SupersedesId { get; set; }

    public string? SupersededById { get; set; }

    /// <summary>The licence fields as JSON text.</summary>
    public required string Data { get; set; }

    /// <summary>See <see cref="LicenceHash"/>.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The case whose matter produced it (none for demo data).</summary>
    public string? CaseNumber { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? RevokeIdempotencyKey { get; set; }

    /// <summary>Orders licences issued on the same day.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SandboxLicenceConfiguration : IEntityTypeConfiguration<SandboxLicence>
{
    public void Configure(EntityTypeBuilder<SandboxLicence> builder)
    {
        builder.ToTable("SandboxLicences");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(128);
        builder.Property(l => l.Type).HasMaxLength(40);
        builder.Property(l => l.HolderId).HasMaxLength(32);
        builder.Property(l => l.HolderName).HasMaxLength(200);
        builder.Property(l => l.MemberIds).HasMaxLength(2000);
        builder.Property(l => l.IssuerCode).HasMaxLength(32);
        builder.Property(l => l.IssuerName).HasMaxLength(200);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.StatusReason).HasMaxLength(500);
        builder.Property(l => l.SupersedesId).HasMaxLength(128);
        builder.Property(l => l.SupersededById).HasMaxLength(128);
        builder.Property(l => l.Sha256).HasMaxLength(64);
        builder.Property(l => l.CaseNumber).HasMaxLength(40);
        builder.Property(l => l.IdempotencyKey).HasMaxLength(200);
        builder.Property(l => l.RevokeIdempotencyKey).HasMaxLength(200);
        builder.HasIndex(l => new { l.HolderId, l.Type });
        builder.HasIndex(l => l.IdempotencyKey).IsUnique();
        builder.HasIndex(l => l.RevokeIdempotencyKey).IsUnique();
    }
}
