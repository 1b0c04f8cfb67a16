using OneThing.Host.Cases.Identifiers;

namespace OneThing.UnitTests.Cases;

/// <summary>Check characters of the identifiers applicants type, against the standards' own examples.</summary>
public sealed class IdentifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("11010519491231002X", "110105", 1949, 12, 31, false)]
    [InlineData("371702199003071231", "371702", 1990, 3, 7, true)]
    [InlineData("371702199205152240", "371702", 1992, 5, 15, false)]
    [InlineData("11010519491231002x", "110105", 1949, 12, 31, false)]
    public void Valid_resident_id_numbers_parse_with_area_birth_date_and_sex(string text, string area, int year, int month, int day, bool male)
    {
        Assert.True(ResidentIdNumber.TryParse(text, Today, out var number, out var error), error?.Message);
        Assert.Equal(area, number!.AreaCode);
        Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
        Assert.Equal(male, number.IsMale);
    }

    [Theory]
    [InlineData("371702199003071232", "identifier_check_character")]
    [InlineData("37170219900307123", "identifier_length")]
    [InlineData("3717021990030712A1", "identifier_characters")]
    [InlineData("991702199003071231", "identifier_region")]
    [InlineData("371702199002301234", "identifier_date")]
    [InlineData("371702203001011234", "identifier_date")]
    public void Wrong_resident_id_numbers_say_why(string text, string code)
    {
        Assert.False(ResidentIdNumber.TryParse(text, Today, out _, out var error));
        Assert.Equal(code, error!.Code);
        Assert.False(string.IsNullOrEmpty(error.MessageZh));
    }

    [Fact]
    public void Every_single_digit_typo_in_an_id_number_is_caught()
    {
        const string valid = "371702199003071231";
        for (var position = 0; position < 17; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                var typo = valid[..position] + digit + valid[(position + 1)..];
                Assert.False(ResidentIdNumber.TryParse(typo, Today, out _, out _) && typo != valid, $"{typo} passed");
            }
        }
    }

    [Fact]
    public void Id_numbers_are_masked_for_lists_and_logs() =>
        Assert.Equal("3717**********1231", ResidentIdNumber.Mask("371702199003071231"));

    [Fact]
    public void Valid_credit_codes_parse_with_their_area()
    {
        Assert.True(CreditCode.TryParse("91350100M000100Y43", out var example, out var error), error?.Message);
        Assert.Equal("350100", example!.AreaCode);

        // A Heze company's code: the check character the standard's formula gives is accepted, any other is not.
        const string first17 = "91371702MA3C4L0X1";
        var check = CreditCode.CheckCharacter(first17);
        Assert.True(CreditCode.TryParse(first17 + check, out var heze, out _));
        Assert.Equal("371702", heze!.AreaCode);
        Assert.All(CreditCode.Alphabet.Where(c => c != check), wrong => Assert.False(CreditCode.TryParse(first17 + wrong, out _, out _)));
    }

    [Theory]
    [InlineData("91350100M000100Y44", "identifier_check_character")]
    [InlineData("91350100M000100YI3", "identifier_characters")]
    [InlineData("91350100M000100Y4", "identifier_length")]
    [InlineData("91AB0100M000100Y43", "identifier_region")]
    public void Wrong_credit_codes_say_why(string text, string code)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Equal(code, error!.Code);
    }

    [Fact]
    public void Licence_identifier_check_follows_ISO_7064_MOD_37_36()
    {
        const string example = "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0";
        Assert.True(LicenceIdentifier.TryParse(example, out var identifier, out var error), error?.Message);
        Assert.Equal("11100000000013338W009", identifier!.TypeCode);
        Assert.Equal(2, identifier.Version);

        Assert.False(LicenceIdentifier.TryParse(example[..^1] + "1", out _, out error));
        Assert.Equal("identifier_check_character", error!.Code);
        Assert.False(LicenceIdentifier.TryParse("1.2.156.3005.2.abc", out _, out error));
        Assert.Equal("identifier_format", error!.Code);

        var created = LicenceIdentifier.Create("11100000000013338W009", "11330105002500287C", "2025052201", 2);
        Assert.Equal(example, created.Value);
    }

    [Fact]
    public void Case_numbers_carry_region_date_sequence_and_a_check_character()
    {
        var number = CaseNumber.Create("371702", new DateOnly(2026, 11, 29), 123);
        Assert.Equal(CaseNumber.Length, number.Value.Length);
        Assert.StartsWith("37170220261129000123", number.Value);
        Assert.True(CaseNumber.TryParse(number.Value.ToLowerInvariant(), out var parsed, out _));
        Assert.Equal(number, parsed);

        // Any single changed digit, or two adjacent digits swapped, is caught.
        for (var i = 0; i < 20; i++)
        {
            var changed = number.Value[..i] + (char)('0' + ((number.Value[i] - '0' + 1) % 10)) + number.Value[(i + 1)..];
            Assert.False(CaseNumber.TryParse(changed, out _, out _), changed);
            if (i < 19 && number.Value[i] != number.Value[i + 1])
            {
                var swapped = number.Value[..i] + number.Value[i + 1] + number.Value[i] + number.Value[(i + 2)..];
                Assert.False(CaseNumber.TryParse(swapped, out _, out _), swapped);
            }
        }
    }

    [Theory]
    [InlineData("371702", true)]
    [InlineData("371702001001", true)]
    [InlineData("991702", false)]
    [InlineData("37170", false)]
    [InlineData("37A702", false)]
    public void Region_codes_are_GB_T_2260_shaped(string code, bool wellFormed) => Assert.Equal(wellFormed, RegionCode.IsWellFormed(code));
}
