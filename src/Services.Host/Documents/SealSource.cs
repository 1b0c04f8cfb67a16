namespace OneThing.Host.Documents;

/// <summary>Where the departments' seal certificates come from.</summary>
public enum SealSource
{
    /// <summary>A self-signed DEVELOPMENT authority issues them at first start (<see cref="DevelopmentSealProvider"/>); only the embedded default and the sandbox may use it.</summary>
    Development,

    /// <summary>Configured PKCS#12 files issued by a real seal authority (<see cref="FileSealProvider"/>).</summary>
    Files,
}
