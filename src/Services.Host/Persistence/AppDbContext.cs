using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Model;
using OneThing.Host.Identity;
using OneThing.Host.Notifications;
using OneThing.Host.Protection;
using OneThing.Workflows.Messaging;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Persistence;

/// <summary>
/// The one EF Core model of OneThing: identity, the OpenID server's stores, the one-matter domain, and
/// the outbox and inbox. Each database provider has a sealed subclass that owns its migrations
/// (see <see cref="DatabaseProvider"/>); code depends on this type only. Personal data is encrypted at rest by
/// <paramref name="protector"/> (see <see cref="PersonalDataColumns"/>); the model is built once per protector.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, FieldProtector protector)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The field encryption this context's model converts through (part of the model cache key).</summary>
    public FieldProtector Protector { get; } = protector;

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<NotificationDelivery> Notifications => Set<NotificationDelivery>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseMatter> CaseMatters => Set<CaseMatter>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseMaterial> CaseMaterials => Set<CaseMaterial>();

    public DbSet<CaseCorrection> CaseCorrections => Set<CaseCorrection>();

    public DbSet<LicenceConsent> LicenceConsents => Set<LicenceConsent>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    /// <summary>ASP.NET Core data-protection keys (cookies, antiforgery), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        var payloads = new FieldPayloadProtector(Protector);
        builder.AddOutboxAndInbox(payloads);
        builder.AddWorkflowRuntime(payloads);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.ProtectPersonalData(Protector);
    }
}
