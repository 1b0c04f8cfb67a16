namespace OneThing.Host.Documents;

/// <summary>Where the departments' seal certificates come from.</summary>
public enum SealSource
{
    /// <summary>A self-signed DEVELOPMENT authority issues them at first use (<see cref="DevelopmentSealProvider"/>).</summary>
    Development,

    /// <summary>Configured PKCS#12 files issued by a real seal authority (<see cref="FileSealProvider"/>).</summary>
    Files,
}
