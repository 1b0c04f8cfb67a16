using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneThing.Host.Documents;

/// <summary>
/// A sealed result document as issued: the PDF, its hash and what the public verification may say about it
/// (department, time, journey — no personal data). The verification code is kept only as a hash.
/// </summary>
public sealed class ResultDocumentRecord
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string CaseNumber { get; set; }

    /// <summary>The matter it is the result of; null for the case's completion notice (办结通知书).</summary>
    public string? MatterCode { get; set; }

    public required string Title { get; set; }

    public required string DepartmentCode { get; set; }

    public required string IssuerName { get; set; }

    public required string JourneyCode { get; set; }

    public required string JourneyName { get; set; }

    /// <summary>Hex SHA-256 of the verification code printed on the document.</summary>
    public required string VerificationCodeHash { get; set; }

    /// <summary>Hex SHA-256 of the sealed PDF.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Pdf { get; set; }

    public int PageCount { get; set; }

    public required string CertificateThumbprint { get; set; }

    /// <summary>DER of the SM2-with-SM3 signature (GB/T 38540-shaped SES_Signature) over the PDF; null without a national seal maker.</summary>
    public byte[]? NationalSignature { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }
}

internal sealed class ResultDocumentConfiguration : IEntityTypeConfiguration<ResultDocumentRecord>
{
    public void Configure(EntityTypeBuilder<ResultDocumentRecord> builder)
    {
        builder.ToTable("ResultDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.CaseNumber).HasMaxLength(21);
        builder.Property(d => d.MatterCode).HasMaxLength(64);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.DepartmentCode).HasMaxLength(32);
        builder.Property(d => d.IssuerName).HasMaxLength(200);
        builder.Property(d => d.JourneyCode).HasMaxLength(64);
        builder.Property(d => d.JourneyName).HasMaxLength(200);
        builder.Property(d => d.VerificationCodeHash).HasMaxLength(64);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.CertificateThumbprint).HasMaxLength(64);
        builder.Property(d => d.RevokedBy).HasMaxLength(100);
        builder.Property(d => d.RevocationReason).HasMaxLength(1000);
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => d.Sha256);
    }
}
