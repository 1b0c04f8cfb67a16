using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>Reads and writes PKCS#12 files holding one key-bearing certificate and its issuers.</summary>
internal static class Pkcs12Files
{
    /// <summary>Loads the certificates of a PKCS#12 file: the one with a private key first, then the others.</summary>
    public static (X509Certificate2 Certificate, List<X509Certificate2> Others) Load(byte[] pkcs12, string? password, string source)
    {
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new CryptographicException($"{source} is not a PKCS#12 file this password opens: {ex.Message}", ex);
        }

        var withKey = all.Where(c => c.HasPrivateKey).ToList();
        if (withKey.Count != 1)
        {
            throw new CryptographicException($"{source} must hold exactly one certificate with a private key; it holds {withKey.Count}.");
        }

        return (withKey[0], all.Where(c => !c.HasPrivateKey).ToList());
    }

    /// <summary>
    /// Loads <paramref name="path"/>, or creates it with <paramref name="create"/> when it does not exist. Several
    /// processes may race to create the same file: the first one written wins and everyone loads it.
    /// </summary>
    public static (X509Certificate2 Certificate, List<X509Certificate2> Others) LoadOrCreate(
        string path, string password, Func<X509Certificate2Collection> create)
    {
        if (!File.Exists(path))
        {
            var bytes = create().ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, bytes);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return Load(File.ReadAllBytes(path), password, path);
    }
}
