using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Cases.Model;
using OneThing.Host.Documents;
using OneThing.Host.Identity;
using OneThing.Host.Notifications;

namespace OneThing.Host.Protection;

/// <summary>
/// Every column of OneThing's own model that holds personal data (ID numbers, phone numbers, bank card numbers,
/// addresses — and the forms, files, messages and free text that carry them), encrypted at rest by
/// <see cref="FieldProtector"/> through EF Core value converters; and the lookup-hash columns beside ID numbers
/// that exact queries match on instead (an encrypted column cannot be compared in SQL: every encryption of a
/// value differs). The workflow runtime's payloads are protected through <see cref="FieldPayloadProtector"/>.
/// </summary>
public static class PersonalDataColumns
{
    /// <summary>Annotation on a lookup-hash property naming the property it is the hash of.</summary>
    public const string HashOfAnnotation = "OneThing:LookupHashOf";

    /// <summary>Annotation on an encrypted property: its purpose (<c>Table.Column</c>), the associated data of its values.</summary>
    public const string ProtectedAnnotation = Workflows.Runtime.PayloadColumns.ProtectedAnnotation;

    // Lookup-hash shadow properties (query with EF.Property<string>(entity, name)); kept current on every save.
    public const string CaseSubjectIdHash = "SubjectIdHash";
    public const string ConsentGrantorIdHash = "GrantorIdHash";
    public const string ConsentGranteeIdHash = "GranteeIdHash";
    public const string EvaluationApplicantIdHash = "ApplicantIdHash";
    public const string UserIdNumberHash = "IdNumberHash";
    public const string MaterialHolderIdHash = "HolderIdHash";

    /// <summary>Room for an encrypted identifier: prefix, key id and base64 of nonce, text and tag.</summary>
    private const int EncryptedIdentifierLength = 128;

    public static ModelBuilder ProtectPersonalData(this ModelBuilder builder, FieldProtector protector)
    {
        builder.Entity<Case>(e =>
        {
            e.Identifier(c => c.SubjectIdNumber, protector, CaseSubjectIdHash);
            e.Text(c => c.Form, protector);
            e.Text(c => c.Authorisation, protector);
        });
        builder.Entity<CaseEvent>(e => e.Text(c => c.Detail, protector));
        builder.Entity<CaseMaterial>(e =>
        {
            e.Identifier(m => m.HolderIdNumber, protector, MaterialHolderIdHash);
            e.Bytes(m => m.Content, protector);
        });
        builder.Entity<CaseCorrection>(e =>
        {
            e.Text(c => c.Items, protector);
            e.Text(c => c.Response, protector);
        });
        builder.Entity<LicenceConsent>(e =>
        {
            e.Identifier(c => c.GrantorIdNumber, protector, ConsentGrantorIdHash);
            e.Identifier(c => c.GranteeIdNumber, protector, ConsentGranteeIdHash);
            e.HasIndex(ConsentGrantorIdHash, ConsentGranteeIdHash, nameof(LicenceConsent.JourneyCode));
        });
        builder.Entity<Evaluation>(e =>
        {
            e.Identifier(v => v.ApplicantIdNumber, protector, EvaluationApplicantIdHash);
            e.Text(v => v.Comment, protector);
        });
        builder.Entity<Rectification>(e =>
        {
            e.Text(r => r.CallBackNote, protector);
            e.Text(r => r.FixNote, protector);
        });
        builder.Entity<NotificationDelivery>(e => e.Text(n => n.Body, protector));
        builder.Entity<ResultDocumentRecord>(e => e.Bytes(d => d.Pdf, protector));
        builder.Entity<AppUser>(e =>
        {
            e.Identifier(u => u.IdNumber, protector, UserIdNumberHash);
            e.Identifier(u => u.PhoneNumber, protector, hashProperty: null);
        });
        return builder;
    }

    /// <summary>The purpose (associated data) of every encrypted property of the model, by entity type.</summary>
    public static IEnumerable<(IEntityType Entity, IProperty Property, string Purpose)> ProtectedProperties(IModel model) =>
        from entity in model.GetEntityTypes()
        from property in entity.GetProperties()
        let purpose = property.FindAnnotation(ProtectedAnnotation)?.Value as string
        where purpose is not null
        select (entity, property, purpose);

    private static void Identifier<T>(this EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, string?>> column, FieldProtector protector, string? hashProperty)
        where T : class
    {
        var property = entity.Property(column);
        property.HasMaxLength(EncryptedIdentifierLength);
        Encrypt(property, protector);
        if (hashProperty is not null)
        {
            entity.Property<string?>(hashProperty).HasMaxLength(64).HasAnnotation(HashOfAnnotation, property.Metadata.Name);
            entity.HasIndex(hashProperty);
        }
    }

    private static void Text<T>(this EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, string?>> column, FieldProtector protector)
        where T : class
    {
        var property = entity.Property(column);
        // Lengths are checked on the plain text where it is accepted; the ciphertext is longer (base64, UTF-8).
        property.Metadata.SetMaxLength(null);
        Encrypt(property, protector);
    }

    private static void Bytes<T>(this EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, byte[]?>> column, FieldProtector protector)
        where T : class
    {
        var property = entity.Property(column);
        var purpose = Purpose(property.Metadata);
        property.HasAnnotation(ProtectedAnnotation, purpose);
        ((PropertyBuilder)property).HasConversion(
            new ValueConverter<byte[], byte[]>(v => protector.Protect(v, purpose), v => protector.Unprotect(v, purpose)),
            new ValueComparer<byte[]>((a, b) => a == null ? b == null : b != null && a.SequenceEqual(b), v => v.Length, v => v.ToArray()));
    }

    private static void Encrypt(PropertyBuilder<string?> property, FieldProtector protector)
    {
        var purpose = Purpose(property.Metadata);
        property.HasAnnotation(ProtectedAnnotation, purpose);
        ((PropertyBuilder)property).HasConversion(new ValueConverter<string, string>(v => protector.Protect(v, purpose), v => protector.Unprotect(v, purpose)));
    }

    private static string Purpose(IMutableProperty property) =>
        $"{((IMutableEntityType)property.DeclaringType).GetTableName()}.{property.GetColumnName()}";
}
