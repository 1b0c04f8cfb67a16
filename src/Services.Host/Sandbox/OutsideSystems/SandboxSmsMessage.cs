using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>DEVELOPMENT ONLY: a text message the sandbox SMS gateway accepted (stored instead of sent).</summary>
public sealed class SandboxSmsMessage
{
    public Guid Id { get; set; }

    public required string PhoneNumber { get; set; }

    public required string Text { get; set; }

    public required string IdempotencyKey { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }
}

internal sealed class SandboxSmsMessageConfiguration : IEntityTypeConfiguration<SandboxSmsMessage>
{
    public void Configure(EntityTypeBuilder<SandboxSmsMessage> builder)
    {
        builder.ToTable("SandboxSmsMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.PhoneNumber).HasMaxLength(20);
        builder.Property(m => m.Text).HasMaxLength(1000);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.PhoneNumber, m.AcceptedAt });
    }
}
