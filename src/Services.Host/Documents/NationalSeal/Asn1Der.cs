using Org.BouncyCastle.Asn1;

namespace OneThing.Host.Documents.NationalSeal;

/// <summary>Small helpers shared by the seal structures' DER encoding.</summary>
internal static class Asn1Der
{
    /// <summary>Throws unless <paramref name="sequence"/> has exactly <paramref name="count"/> elements.</summary>
    public static void Expect(Asn1Sequence sequence, int count, string structure)
    {
        if (sequence.Count != count)
        {
            throw new ArgumentException($"{structure} must have {count} elements; it has {sequence.Count}.");
        }
    }

    /// <summary>A GeneralizedTime in UTC, to whole seconds (what DER and the signature carry).</summary>
    public static Asn1GeneralizedTime Time(DateTimeOffset value) => new DerGeneralizedTime(Truncate(value).UtcDateTime);

    /// <summary>Reads a GeneralizedTime as UTC.</summary>
    public static DateTimeOffset Time(Asn1Encodable value) =>
        new(DateTime.SpecifyKind(Asn1GeneralizedTime.GetInstance(value).ToDateTime().ToUniversalTime(), DateTimeKind.Utc));

    /// <summary><paramref name="value"/> without fractions of a second.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>Parses one DER object from <paramref name="der"/>, with a clear error when it is not DER.</summary>
    public static Asn1Object Parse(byte[] der, string structure)
    {
        try
        {
            return Asn1Object.FromByteArray(der);
        }
        catch (IOException ex)
        {
            throw new ArgumentException($"Not a DER {structure}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="read"/>, turning BouncyCastle's errors on wrong structure into <see cref="ArgumentException"/>.</summary>
    public static T Read<T>(Func<T> read, string structure)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidCastException or InvalidOperationException or FormatException or ArithmeticException
                                       or ArgumentException and not ArgumentNullException)
        {
            if (ex is ArgumentException)
            {
                throw;
            }

            throw new ArgumentException($"Not a {structure} of this structure: {ex.Message}", ex);
        }
    }
}
