using BenchmarkDotNet.Attributes;
using OneThing.Host.Protection;

namespace OneThing.Protection.Bench;

/// <summary>
/// The hot-path cost of encryption at rest: one value written (encrypted) and read back (decrypted) through
/// <see cref="FieldProtector"/>, as the EF Core converters do per column, and one lookup hash.
/// </summary>
[MemoryDiagnoser]
public class FieldProtectionBenchmarks
{
    private const string IdNumber = "371702199003071231";

    private static readonly string Form = string.Concat(Enumerable.Repeat(
        """{"father":{"name":"张伟","idNumber":"371702199003071231","phone":"13800000001"},"address":"山东省菏泽市牡丹区中华路100号","bankAccount":{"accountNumber":"6217001234567890123"}}""",
        12));

    private readonly FieldProtector _protector = FieldProtector.Development;

    [Benchmark(Description = "ID number (18 chars): encrypt + decrypt")]
    public string IdNumberRoundTrip() => _protector.Unprotect(_protector.Protect(IdNumber, "Cases.SubjectIdNumber"), "Cases.SubjectIdNumber");

    [Benchmark(Description = "Case form (~2.4 kB JSON): encrypt + decrypt")]
    public string FormRoundTrip() => _protector.Unprotect(_protector.Protect(Form, "Cases.Form"), "Cases.Form");

    [Benchmark(Description = "Lookup hash of an ID number (HMAC-SHA256)")]
    public string LookupHash() => _protector.Hash(IdNumber);
}
