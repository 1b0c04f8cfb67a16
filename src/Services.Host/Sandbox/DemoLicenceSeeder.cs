using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Persistence;
using OneThing.Host.Sandbox.OutsideSystems;
using OneThing.Integrations.Licences;
using OneThing.Integrations.OutsideSystems;

namespace OneThing.Host.Sandbox;

/// <summary>
/// DEVELOPMENT ONLY: puts the demo e-licences of demo-licences.json into the sandbox licence library — each
/// licence once, by its identifier; licences already there (and whatever happened to them since) are left alone.
/// </summary>
internal sealed class DemoLicenceSeeder(AppDbContext db, ILogger<DemoLicenceSeeder> logger) : IDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var licences = db.Set<SandboxLicence>();
        var demo = Load();
        var ids = demo.Select(l => l.Id).ToList();
        var existing = await licences.Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        var missing = demo.Where(l => !existing.Contains(l.Id)).ToList();
        foreach (var l in missing)
        {
            licences.Add(new SandboxLicence
            {
                Id = l.Id,
                Type = l.Type,
                HolderId = l.HolderId,
                HolderName = l.HolderName,
                MemberIds = SandboxLicenceLibrary.MemberIdsOf(l.Data, l.HolderId),
                IssuerCode = l.IssuerCode,
                IssuerName = l.IssuerName,
                IssuedOn = l.IssuedOn,
                ValidUntil = l.ValidUntil,
                Status = l.Status,
                StatusChangedAt = l.StatusChangedAt?.ToUniversalTime(), // PostgreSQL stores instants in UTC only
                StatusReason = l.StatusReason,
                Data = l.Data.ToJsonString(),
                Sha256 = LicenceHash.Compute(l.Id, l.Type, l.HolderId, l.HolderName, l.IssuerCode, l.IssuerName, l.IssuedOn, l.ValidUntil, l.Data),
                CreatedAt = new DateTimeOffset(l.IssuedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime(),
            });
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Added {Count} demo e-licences to the sandbox licence library.", missing.Count);
        }
    }

    /// <summary>The licences of demo-licences.json.</summary>
    public static IReadOnlyList<DemoLicence> Load()
    {
        using var stream = typeof(DemoLicenceSeeder).Assembly.GetManifestResourceStream("OneThing.Host.Sandbox.demo-licences.json")
            ?? throw new InvalidOperationException("demo-licences.json is not embedded.");
        return JsonSerializer.Deserialize<DemoFile>(stream, OutsideSystemJson.Options)?.Licences
            ?? throw new InvalidOperationException("demo-licences.json is empty.");
    }

    private sealed record DemoFile(List<DemoLicence> Licences);
}

/// <summary>One licence of demo-licences.json; <see cref="UsedFor"/> says which demo it serves.</summary>
internal sealed record DemoLicence(
    string Id,
    string Type,
    string UsedFor,
    string HolderId,
    string HolderName,
    string IssuerCode,
    string IssuerName,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    JsonObject Data,
    LicenceStatus Status = LicenceStatus.Valid,
    DateTimeOffset? StatusChangedAt = null,
    string? StatusReason = null);
