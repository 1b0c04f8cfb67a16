using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>
/// A department's e-seal (电子印章): its seal certificate with the private key that signs its result documents,
/// the issuing authority's certificates, and the short line drawn under the star of the visible seal.
/// </summary>
/// <param name="DepartmentCode">The department's code (the certificate's OU), e.g. <c>police</c>.</param>
/// <param name="DepartmentName">The name along the seal's upper arc (the certificate's CN), e.g. 菏泽市公安局.</param>
/// <param name="Certificate">Seal certificate with its private key.</param>
/// <param name="Chain">Certificates of the issuing authority (intermediates, then root), carried in the signature.</param>
/// <param name="IsDevelopment">Issued by the DEVELOPMENT authority: never for real use.</param>
public sealed record DepartmentSeal(
    string DepartmentCode,
    string DepartmentName,
    X509Certificate2 Certificate,
    IReadOnlyList<X509Certificate2> Chain,
    bool IsDevelopment)
{
    /// <summary>Line under the star: 电子印章 (e-seal), or 测试专用章 (for testing only) on a development seal.</summary>
    public string Caption { get; init; } = IsDevelopment ? "测试专用章" : "电子印章";
}
