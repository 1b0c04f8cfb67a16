using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>
/// DEVELOPMENT seals: the <see cref="SealAuthority"/> kept in <see cref="DocumentOptions.SealDirectory"/> issues a
/// department its seal at first start (<see cref="DevelopmentSealIssuer"/>) or first use, kept there as <c>&lt;code&gt;.development.p12</c> and reused by every later
/// instance pointed at the same directory (re-issued only when expired or issued by another authority).
/// </summary>
public sealed class DevelopmentSealProvider : ISealProvider
{
    private readonly string directory;
    private readonly Func<string, string?> departmentName;
    private readonly SealKeyAlgorithm algorithm;
    private readonly TimeProvider time;
    private readonly Lazy<SealAuthority> authority;
    private readonly ConcurrentDictionary<string, Lazy<DepartmentSeal>> seals = new(StringComparer.Ordinal);

    /// <param name="directory">Where the authority and the seals are kept.</param>
    /// <param name="departmentName">The Chinese name of a department by code, or null when there is no such department.</param>
    /// <param name="algorithm">Key of newly issued seals (and of the authority when it is created).</param>
    /// <param name="time">Clock deciding validity.</param>
    public DevelopmentSealProvider(string directory, Func<string, string?> departmentName, SealKeyAlgorithm algorithm = SealKeyAlgorithm.EcdsaP256, TimeProvider? time = null)
    {
        this.directory = Path.GetFullPath(directory);
        this.departmentName = departmentName;
        this.algorithm = algorithm;
        this.time = time ?? TimeProvider.System;
        authority = new Lazy<SealAuthority>(() => SealAuthority.OpenOrCreate(this.directory, algorithm, this.time));
    }

    /// <summary>Where the authority and the seals are kept (absolute).</summary>
    public string SealDirectory => directory;

    /// <summary>The authority issuing the seals (created in the directory at first use).</summary>
    public SealAuthority Authority => authority.Value;

    public Task<DepartmentSeal> GetAsync(string departmentCode)
    {
        var name = departmentName(departmentCode);
        if (name is null || !departmentCode.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"There is no department '{departmentCode}' to issue a seal for.", nameof(departmentCode));
        }

        return Task.FromResult(seals.GetOrAdd(departmentCode, code => new Lazy<DepartmentSeal>(() => LoadOrIssue(code, name))).Value);
    }

    private DepartmentSeal LoadOrIssue(string code, string name)
    {
        var path = Path.Combine(directory, $"{code}.development.p12");
        for (var attempt = 0; ; attempt++)
        {
            var (certificate, _) = Pkcs12Files.LoadOrCreate(path, SealAuthority.DevelopmentPassword, () =>
            {
                var issued = Authority.Issue(code, name);
                return [issued.Certificate, .. issued.Chain];
            });
            if (IsUsable(certificate, name) || attempt > 0)
            {
                return new DepartmentSeal(code, name, certificate, [X509CertificateLoader.LoadCertificate(Authority.Certificate.RawData)], IsDevelopment: true);
            }

            // Expired, renamed, or issued by an authority that is gone: issue a new one.
            File.Delete(path);
        }
    }

    private bool IsUsable(X509Certificate2 certificate, string name)
    {
        var now = time.GetUtcNow();
        return certificate.NotAfter.ToUniversalTime() > now
            && certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) == name
            && certificate.IssuerName.RawData.AsSpan().SequenceEqual(Authority.Certificate.SubjectName.RawData)
            && SealCertificates.ChainsTo(certificate, [Authority.Certificate], now);
    }
}
