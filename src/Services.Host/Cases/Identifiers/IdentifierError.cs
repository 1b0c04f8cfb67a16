namespace OneThing.Host.Cases.Identifiers;

/// <summary>Why an identifier is refused, with the message shown to people in both languages.</summary>
public sealed record IdentifierError(string Code, string Message, string MessageZh)
{
    public static readonly IdentifierError Length = new("identifier_length", "The identifier has the wrong length.", "号码位数不正确。");
    public static readonly IdentifierError Characters = new("identifier_characters", "The identifier contains characters it may not contain.", "号码含有不允许的字符。");
    public static readonly IdentifierError Region = new("identifier_region", "The area code is not a GB/T 2260 code.", "地区代码不符合 GB/T 2260。");
    public static readonly IdentifierError Date = new("identifier_date", "The birth date in the number is not a real past date.", "号码中的出生日期无效。");
    public static readonly IdentifierError CheckCharacter = new("identifier_check_character", "The check character is wrong: the number was mistyped.", "校验码错误，请核对号码。");
    public static readonly IdentifierError Format = new("identifier_format", "The identifier does not have the required structure.", "号码格式不正确。");
}
