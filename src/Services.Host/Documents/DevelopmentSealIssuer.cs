using System.Security.Cryptography;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Documents.NationalSeal;

namespace OneThing.Host.Documents;

/// <summary>
/// At first start of a host on DEVELOPMENT seals, creates the development seal authority and issues every
/// department its seal and its national-algorithm (SM2) signer, so the first document of a case does not wait for
/// key generation and the seal files exist before anyone asks for them. Later starts reuse what is there.
/// </summary>
internal sealed class DevelopmentSealIssuer(
    DevelopmentSealProvider seals,
    NationalSealService nationalSeals,
    ILogger<DevelopmentSealIssuer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        foreach (var department in DepartmentSeeder.Catalogue)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await seals.GetAsync(department.Code);
                nationalSeals.SealOf(department.Code, department.Name);
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException)
            {
                // Not fatal to the host: documents of that department fail, saying why, until the seal directory is fixed.
                logger.LogError(ex, "Could not issue the development seal of {Department} at start-up.", department.Code);
            }
        }

        logger.LogWarning(
            "DEVELOPMENT seals in use: {Count} department seals issued by the self-signed development authority in {Directory} ({Elapsed} ms). Never use them for real documents.",
            DepartmentSeeder.Catalogue.Count, seals.SealDirectory, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
