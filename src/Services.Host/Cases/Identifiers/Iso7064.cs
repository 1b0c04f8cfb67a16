namespace OneThing.Host.Cases.Identifiers;

/// <summary>ISO/IEC 7064 check characters used by Chinese identifiers.</summary>
public static class Iso7064
{
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>
    /// MOD 37,36 (hybrid system over 0–9 and A–Z): the check character of GB/T 36904 e-licence identifiers,
    /// also used for OneThing's case numbers. Returns null when <paramref name="text"/> has a character outside 0–9A–Z.
    /// </summary>
    public static char? Mod37_36(ReadOnlySpan<char> text)
    {
        const int m = 36;
        var p = m;
        foreach (var c in text)
        {
            var value = Alphanumeric.IndexOf(char.ToUpperInvariant(c));
            if (value < 0)
            {
                return null;
            }

            var s = (p + value) % m;
            if (s == 0)
            {
                s = m;
            }

            p = 2 * s % (m + 1);
        }

        return Alphanumeric[(m + 1 - p) % m];
    }
}
