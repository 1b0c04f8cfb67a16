namespace OneThing.Host.Documents;

/// <summary>
/// Hands out the seal of a department. Implementations: <see cref="DevelopmentSealProvider"/> (self-issued,
/// development only) and <see cref="FileSealProvider"/> (configured PKCS#12 files); an HSM or provincial seal
/// platform adapter can implement the same interface.
/// </summary>
public interface ISealProvider
{
    /// <summary>The seal of the department with code <paramref name="departmentCode"/>.</summary>
    /// <exception cref="ArgumentException">The department has no seal.</exception>
    Task<DepartmentSeal> GetAsync(string departmentCode);
}
