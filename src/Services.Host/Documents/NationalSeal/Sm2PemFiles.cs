using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// Keeps an SM2 key and its certificate in one PEM file (an unencrypted PKCS#8 <c>PRIVATE KEY</c> block, then a
/// <c>CERTIFICATE</c> block). One file, written once and moved into place, so racing processes never pair the key
/// of one with the certificate of another.
/// </summary>
internal static class Sm2PemFiles
{
    /// <summary>Loads <paramref name="path"/>, or creates it with <paramref name="create"/>; the first file written wins.</summary>
    public static (AsymmetricKeyParameter PrivateKey, X509Certificate Certificate) LoadOrCreate(
        string path, Func<(AsymmetricKeyParameter PrivateKey, X509Certificate Certificate)> create)
    {
        if (!File.Exists(path))
        {
            var (key, certificate) = create();
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            using (var writer = new StreamWriter(temporary))
            {
                var pem = new PemWriter(writer);
                pem.WriteObject(new Pkcs8Generator(key));
                pem.WriteObject(certificate);
            }

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

        return Load(path);
    }

    /// <summary>Deletes <paramref name="path"/> so that the next <see cref="LoadOrCreate"/> issues anew.</summary>
    public static void Discard(string path) => File.Delete(path);

    private static (AsymmetricKeyParameter PrivateKey, X509Certificate Certificate) Load(string path)
    {
        using var reader = new StreamReader(path);
        var pem = new PemReader(reader);
        AsymmetricKeyParameter? key = null;
        X509Certificate? certificate = null;
        for (var item = pem.ReadObject(); item is not null; item = pem.ReadObject())
        {
            switch (item)
            {
                case AsymmetricKeyParameter { IsPrivate: true } k: key = k; break;
                case X509Certificate c: certificate = c; break;
            }
        }

        if (key is null || certificate is null)
        {
            throw new SecurityUtilityException($"{path} must hold a PKCS#8 private key and a certificate.");
        }

        return (key, certificate);
    }
}
