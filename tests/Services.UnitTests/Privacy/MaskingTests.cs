using OneThing.Host.Privacy;

namespace OneThing.UnitTests.Privacy;

public sealed class MaskingTests
{
    [Fact]
    public void Id_numbers_keep_the_first_and_last_four() =>
        Assert.Equal("3717**********1231", Masking.IdNumber("371702199003071231"));

    [Fact]
    public void Phones_keep_the_first_three_and_last_four() =>
        Assert.Equal("138****5678", Masking.Phone("13812345678"));

    [Fact]
    public void Bank_cards_keep_the_first_and_last_four() =>
        Assert.Equal("6217***********0123", Masking.BankCard("6217001234567890123"));

    [Fact]
    public void Free_text_is_masked_wherever_a_number_appears()
    {
        var text = Masking.Text("张伟 371702199003071231 phone 13800000001, card 6217001234567890123; id 37170219920515224X.");

        Assert.Equal("张伟 3717**********1231 phone 138****0001, card 6217***********0123; id 3717**********224X.", text);
    }

    [Theory]
    [InlineData("case 37170220261129000123K pulled")]
    [InlineData("licence 1.2.156.3005.2.11100000000013338W002.11371702004300112P.201910080007.001.5")]
    [InlineData("took 12345 ms at 2026-11-29T10:00:00Z")]
    [InlineData("message 0b7e8a52-4a5b-4c52-9c1e-5a1c2f3d4e5f")]
    public void Case_numbers_licence_ids_and_ordinary_numbers_stay_readable(string text) =>
        Assert.Equal(text, Masking.Text(text));

    [Fact]
    public void A_number_that_is_not_an_id_number_is_starred_whole() =>
        Assert.Equal("*****", Masking.IdNumber("12345"));
}
