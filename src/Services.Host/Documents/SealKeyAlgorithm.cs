namespace OneThing.Host.Documents;

/// <summary>Key type of a seal certificate the development authority issues.</summary>
public enum SealKeyAlgorithm
{
    EcdsaP256,
    Rsa2048,
}
