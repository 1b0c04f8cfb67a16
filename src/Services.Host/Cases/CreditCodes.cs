using System.Security.Cryptography;
using System.Text;
using OneThing.Host.Cases.Identifiers;

namespace OneThing.Host.Cases;

/// <summary>Assigns unified social credit codes (GB 32100) to companies registered through a case.</summary>
public static class CreditCodes
{
    /// <summary>
    /// A code for a company (registration authority 9 工商, category 1 企业) in <paramref name="regionCode"/>, its
    /// 9-character organisation code derived from the case number (one case registers one company), with its check character.
    /// </summary>
    public static string Assign(string regionCode, string caseNumber)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseNumber));
        var organisation = new StringBuilder(9);
        for (var i = 0; i < 9; i++)
        {
            // Organisation codes use digits and the credit-code letters; keep the first eight digits and the last any character.
            organisation.Append(i < 8 ? (char)('0' + (hash[i] % 10)) : CreditCode.Alphabet[hash[i] % CreditCode.Alphabet.Length]);
        }

        var body = $"91{RegionCode.Normalize(regionCode)}{organisation}";
        return body + CreditCode.CheckCharacter(body);
    }
}
