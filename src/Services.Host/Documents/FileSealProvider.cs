using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>
/// Seals from configured PKCS#12 files (<c>Documents:Seals:&lt;code&gt;:Path</c> / <c>Password</c>), each holding a
/// department's seal certificate with its private key and, optionally, the issuing authority's certificates.
/// The department name is the certificate's CN. Each file is read once, at the department's first document.
/// </summary>
public sealed class FileSealProvider(IReadOnlyDictionary<string, SealFileOptions> seals, TimeProvider? time = null) : ISealProvider
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DepartmentSeal>>> loaded = new(StringComparer.Ordinal);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public Task<DepartmentSeal> GetAsync(string departmentCode)
    {
        if (!seals.TryGetValue(departmentCode, out var file))
        {
            throw new ArgumentException($"No seal is configured for department '{departmentCode}' (Documents:Seals:{departmentCode}:Path).", nameof(departmentCode));
        }

        return loaded.GetOrAdd(departmentCode, code => new Lazy<Task<DepartmentSeal>>(() => LoadAsync(code, file))).Value;
    }

    private async Task<DepartmentSeal> LoadAsync(string code, SealFileOptions file)
    {
        var bytes = await File.ReadAllBytesAsync(file.Path);
        var (certificate, chain) = Pkcs12Files.Load(bytes, file.Password, file.Path);
        if (certificate.NotAfter.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime)
        {
            throw new CryptographicException($"The seal certificate of '{code}' in {file.Path} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}.");
        }

        if (!SealCertificates.MaySignDocuments(certificate))
        {
            throw new CryptographicException($"The certificate in {file.Path} may not sign documents (key usage lacks digitalSignature and nonRepudiation).");
        }

        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return new DepartmentSeal(code, name, certificate, chain, IsDevelopment: false);
    }
}
