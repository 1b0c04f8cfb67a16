using System.Text;
using OneThing.Host.Hosting;

namespace OneThing.UnitTests.Hosting;

public sealed class JsonInputGuardTests
{
    [Theory]
    [InlineData("{\"reason\":\"材料齐全，予以办理\"}")]
    [InlineData("{\"items\":[{\"item\":\"/child/name\",\"reason\":\"姓名有误\\n请更正\\t谢谢\"}]}")]
    [InlineData("{\"comment\":\"a < b, 1<2, 表情 😀\"}")]
    [InlineData("{\"form\":{\"name\":\"O'Brien\",\"note\":\"'; DROP TABLE x; --\"}}")]
    [InlineData("[1, 2, {\"a\": null}]")]
    public void Plain_text_passes(string json) => Assert.Null(JsonInputGuard.Check(Encoding.UTF8.GetBytes(json), markupAllowed: false));

    [Theory]
    [InlineData("{\"reason\":\"abc\\u0000def\"}", "#/reason", "invalid_characters")]
    [InlineData("{\"a\":{\"b\":[\"x\",\"\\u202Egnp.exe\"]}}", "#/a/b/1", "invalid_characters")]
    [InlineData("{\"name\":\"张\\u200D伟\"}", "#/name", "invalid_characters")]
    [InlineData("{\"name\":\"a\\ud800b\"}", "#/name", "invalid_characters")]
    [InlineData("{\"name\":\"\\udc00\\ud800\"}", "#/name", "invalid_characters")]
    [InlineData("{\"x\":\"\\u0085\"}", "#/x", "invalid_characters")]
    [InlineData("{\"comment\":\"<script>alert(1)</script>\"}", "#/comment", "invalid_characters")]
    [InlineData("{\"comment\":\"<img src=x onerror=alert(1)>\"}", "#/comment", "invalid_characters")]
    [InlineData("{\"items\":[{\"item\":\"a\"},{\"item\":\"b\",\"item\":\"c\"}]}", "#/items/1/item", "duplicate_key")]
    [InlineData("{\"reason\":\"a\",\"Reason\":\"b\"}", "#/Reason", "duplicate_key")]
    [InlineData("{\"\\u202Ekey\":1}", "#/\u202Ekey", "invalid_characters")]
    public void Text_no_person_types_and_ambiguous_keys_are_refused_at_their_pointer(string json, string pointer, string code)
    {
        var error = JsonInputGuard.Check(Encoding.UTF8.GetBytes(json), markupAllowed: false);
        Assert.NotNull(error);
        Assert.Equal((pointer, code), (error.Pointer, error.Code));
        Assert.False(string.IsNullOrEmpty(error.DetailZh));
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE4, 0xB8 })]
    public void Invalid_utf8_is_refused(byte[] bytes)
    {
        byte[] json = [.. "{\"a\":\""u8, .. bytes, .. "\"}"u8];
        Assert.Equal("invalid_utf8", JsonInputGuard.Check(json, markupAllowed: false)?.Code);
    }

    [Fact]
    public void Markup_is_allowed_only_where_the_body_is_code()
    {
        var definition = Encoding.UTF8.GetBytes("{\"condition\":\"amount<limit && <x>\"}");
        Assert.Null(JsonInputGuard.Check(definition, markupAllowed: true));
        Assert.NotNull(JsonInputGuard.Check(definition, markupAllowed: false));
        Assert.NotNull(JsonInputGuard.Check(Encoding.UTF8.GetBytes("{\"condition\":\"\\u0000\"}"), markupAllowed: true));
    }

    [Fact]
    public void Malformed_or_deep_json_is_left_to_binding_which_refuses_it_with_its_own_pointer()
    {
        Assert.Null(JsonInputGuard.Check("{\"a\":"u8, markupAllowed: false));
        Assert.Null(JsonInputGuard.Check(Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), markupAllowed: false));
    }
}
