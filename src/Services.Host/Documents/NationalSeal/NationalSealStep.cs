namespace OneThing.Host.Documents.NationalSeal;

/// <summary>The checks of a national-algorithm signature, in the order GB/T 38540 verification runs them.</summary>
public enum NationalSealStep
{
    /// <summary>The bytes are an SES_Signature of the structure this code reads.</summary>
    Structure,

    /// <summary>The SM2 signature value verifies under the signer certificate's key.</summary>
    SignatureValue,

    /// <summary>The signer certificate is in the seal's certificate list.</summary>
    SignerInSeal,

    /// <summary>The seal's own signature by the seal maker verifies.</summary>
    SealSignature,

    /// <summary>The seal maker's certificate is trusted and was valid when signing.</summary>
    MakerTrusted,

    /// <summary>The signing time is within the seal's validity window.</summary>
    SealValidity,

    /// <summary>The document's SM3 (and SHA-256) hash matches the signed one.</summary>
    DocumentHash,
}
