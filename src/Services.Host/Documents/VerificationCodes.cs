using System.Security.Cryptography;

namespace OneThing.Host.Documents;

/// <summary>Short verification codes printed on result documents (验证码), e.g. <c>7KQ4-MZ2D</c>.</summary>
public static class VerificationCodes
{
    // No 0/O, 1/I: the code is read off paper and typed in.
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>A new random code: 8 characters (40 bits) in two groups of four.</summary>
    public static string New()
    {
        Span<char> code = stackalloc char[9];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }
}
