using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Hosting;

namespace OneThing.UnitTests.Cases;

/// <summary>
/// Server-side checks of a journey's one form, on a newborn-like schema: each kind of wrong input gives its
/// pointer and code, everything wrong is reported at once in the order of the form, and nothing throws.
/// </summary>
public sealed class FormValidatorTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["child", "father", "mother", "contact", "materials"],
          "properties": {
            "child": {
              "type": "object", "title": "新生儿", "x-title-en": "Newborn",
              "required": ["name", "sex", "birthDate", "birthPlace"],
              "properties": {
                "name": { "type": "string", "title": "姓名", "x-title-en": "Name", "minLength": 1, "maxLength": 20 },
                "sex": { "enum": ["男", "女"], "title": "性别", "x-title-en": "Sex" },
                "birthDate": { "type": "string", "format": "date", "x-not-future": true, "x-not-before": "2025-01-01", "title": "出生日期", "x-title-en": "Date of birth" },
                "birthPlace": { "type": "string", "format": "region-code", "title": "出生地", "x-title-en": "Place of birth" },
                "weightGrams": { "type": "integer", "minimum": 300, "maximum": 8000, "title": "出生体重（克）", "x-title-en": "Birth weight (g)" }
              }
            },
            "father": { "$ref": "#/$defs/parent", "title": "父亲", "x-title-en": "Father" },
            "mother": { "$ref": "#/$defs/parent", "title": "母亲", "x-title-en": "Mother" },
            "contact": {
              "type": "object", "title": "联系方式", "x-title-en": "Contact",
              "required": ["mobile"],
              "properties": {
                "mobile": { "type": "string", "format": "mobile", "title": "手机号码", "x-title-en": "Mobile number" },
                "address": { "type": "string", "maxLength": 100, "title": "通讯地址", "x-title-en": "Postal address" }
              }
            },
            "employerCreditCode": { "type": "string", "format": "credit-code", "title": "母亲工作单位统一社会信用代码", "x-title-en": "Mother's employer credit code" },
            "materials": {
              "type": "array", "minItems": 1, "maxItems": 3, "title": "材料清单", "x-title-en": "Materials",
              "items": {
                "type": "object", "required": ["kind", "licenceId"],
                "properties": {
                  "kind": { "enum": ["出生医学证明", "结婚证", "户口簿"], "title": "材料类型", "x-title-en": "Kind" },
                  "licenceId": { "type": "string", "format": "licence-id", "title": "证照标识", "x-title-en": "Licence identifier" }
                }
              }
            }
          },
          "$defs": {
            "parent": {
              "type": "object", "required": ["name", "idNumber"],
              "properties": {
                "name": { "type": "string", "minLength": 1, "maxLength": 50, "title": "姓名", "x-title-en": "Name" },
                "idNumber": { "type": "string", "format": "resident-id", "title": "身份证号码", "x-title-en": "ID number" }
              }
            }
          }
        }
        """;

    private const string ValidForm = """
        {
          "child": { "name": "张小明", "sex": "男", "birthDate": "2026-03-02", "birthPlace": "371702001001", "weightGrams": 3400 },
          "father": { "name": "张三", "idNumber": "371702199003071231" },
          "mother": { "name": "李四", "idNumber": "11010519491231002X" },
          "contact": { "mobile": "13800138000", "address": "山东省菏泽市牡丹区中华路 1 号" },
          "employerCreditCode": "91350100M000100Y43",
          "materials": [ { "kind": "结婚证", "licenceId": "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0" } ]
        }
        """;

    private static readonly JourneyForm Form = JourneyForm.Compile("newborn", JsonNode.Parse(Schema)!);

    // 10:00 on 10 March 2026 in Beijing.
    private readonly FormValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_valid_form_has_no_errors()
    {
        Assert.Empty(_validator.Validate(Form, JsonNode.Parse(ValidForm)));
        Assert.Empty(_validator.Validate(Form, JsonDocument.Parse(ValidForm).RootElement));
    }

    [Theory]
    [InlineData("/child/name", null, "/child/name", "required")]
    [InlineData("/child/name", "\"\"", "/child/name", "too_short")]
    [InlineData("/child/name", "\"一二三四五六七八九十一二三四五六七八九十一\"", "/child/name", "too_long")]
    [InlineData("/child/name", "42", "/child/name", "type")]
    [InlineData("/child/sex", "\"未知\"", "/child/sex", "enum")]
    [InlineData("/child/weightGrams", "200", "/child/weightGrams", "too_small")]
    [InlineData("/child/weightGrams", "9000", "/child/weightGrams", "too_large")]
    [InlineData("/child/weightGrams", "3400.5", "/child/weightGrams", "type")]
    [InlineData("/child/birthDate", "\"2026-02-30\"", "/child/birthDate", "format.date")]
    [InlineData("/child/birthDate", "\"2026/03/02\"", "/child/birthDate", "format.date")]
    [InlineData("/child/birthDate", "\"2026-03-11\"", "/child/birthDate", "future_date")]
    [InlineData("/child/birthDate", "\"2024-12-31\"", "/child/birthDate", "too_early")]
    [InlineData("/child/birthPlace", "\"991702\"", "/child/birthPlace", "format.region-code")]
    [InlineData("/child/birthPlace", "\"37170\"", "/child/birthPlace", "format.region-code")]
    [InlineData("/father", null, "/father", "required")]
    [InlineData("/father/idNumber", null, "/father/idNumber", "required")]
    [InlineData("/father/idNumber", "\"371702199003071232\"", "/father/idNumber", "format.resident-id.check")]
    [InlineData("/father/idNumber", "\"371702199002301234\"", "/father/idNumber", "format.resident-id.date")]
    [InlineData("/father/idNumber", "\"371702202612011234\"", "/father/idNumber", "format.resident-id.date")]
    [InlineData("/father/idNumber", "\"991702199003071231\"", "/father/idNumber", "format.resident-id.region")]
    [InlineData("/father/idNumber", "\"37170219900307123\"", "/father/idNumber", "format.resident-id.length")]
    [InlineData("/father/idNumber", "\"3717021990030712A1\"", "/father/idNumber", "format.resident-id.characters")]
    [InlineData("/father/idNumber", "371702199003071231", "/father/idNumber", "type")]
    [InlineData("/mother/idNumber", "\"11010519491231002Y\"", "/mother/idNumber", "format.resident-id.characters")]
    [InlineData("/mother/idNumber", "\"110105194912310021\"", "/mother/idNumber", "format.resident-id.check")]
    [InlineData("/contact/mobile", "\"12800138000\"", "/contact/mobile", "format.mobile")]
    [InlineData("/contact/mobile", "\"1380013800\"", "/contact/mobile", "format.mobile")]
    [InlineData("/contact/mobile", "\"+8613800138000\"", "/contact/mobile", "format.mobile")]
    [InlineData("/contact", "\"13800138000\"", "/contact", "type")]
    [InlineData("/employerCreditCode", "\"91350100M000100Y44\"", "/employerCreditCode", "format.credit-code.check")]
    [InlineData("/employerCreditCode", "\"91350100M000100YI3\"", "/employerCreditCode", "format.credit-code.characters")]
    [InlineData("/employerCreditCode", "\"91350100M000100Y4\"", "/employerCreditCode", "format.credit-code.length")]
    [InlineData("/materials", "[]", "/materials", "too_few")]
    [InlineData("/materials/0/kind", null, "/materials/0/kind", "required")]
    [InlineData("/materials/0/kind", "\"身份证\"", "/materials/0/kind", "enum")]
    [InlineData("/materials/0/licenceId", "\"1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.1\"", "/materials/0/licenceId", "format.licence-id.check")]
    [InlineData("/materials/0/licenceId", "\"1.2.156.3005.2.abc\"", "/materials/0/licenceId", "format.licence-id.structure")]
    [InlineData("/nickname", "\"小明\"", "/nickname", "not_allowed")]
    public void Each_kind_of_wrong_input_has_its_pointer_and_code(string path, string? value, string pointer, string code)
    {
        var form = JsonNode.Parse(ValidForm)!.AsObject();
        Set(form, path, value);

        var error = Assert.Single(_validator.Validate(Form, form));

        Assert.Equal(("#/form" + pointer, code), (error.Pointer, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
        Assert.False(string.IsNullOrWhiteSpace(error.DetailZh));
    }

    [Fact]
    public void Every_error_is_reported_at_once_in_the_order_of_the_form()
    {
        var form = JsonNode.Parse(ValidForm)!.AsObject();
        Set(form, "/materials", """[ { "kind": "结婚证", "licenceId": "x" }, { "licenceId": "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0" } ]""");
        Set(form, "/contact/mobile", null);
        Set(form, "/mother/idNumber", "\"110105194912310021\"");
        Set(form, "/father/idNumber", "\"371702199003071232\"");
        Set(form, "/child/birthDate", "\"2026-04-01\"");
        Set(form, "/child/sex", "\"M\"");
        Set(form, "/child/name", null);

        var errors = _validator.Validate(Form, form);

        Assert.Equal(
            [
                ("#/form/child/name", "required"),
                ("#/form/child/sex", "enum"),
                ("#/form/child/birthDate", "future_date"),
                ("#/form/father/idNumber", "format.resident-id.check"),
                ("#/form/mother/idNumber", "format.resident-id.check"),
                ("#/form/contact/mobile", "required"),
                ("#/form/materials/0/licenceId", "format.licence-id.structure"),
                ("#/form/materials/1/kind", "required"),
            ],
            errors.Select(e => (e.Pointer, e.Code)));
    }

    [Fact]
    public void Messages_name_the_field_by_its_title_in_both_languages()
    {
        var form = JsonNode.Parse(ValidForm)!.AsObject();
        Set(form, "/father/idNumber", "\"371702199003071232\"");
        Set(form, "/child/name", "\"一二三四五六七八九十一二三四五六七八九十一\"");
        Set(form, "/materials/0/kind", null);
        Set(form, "/child/birthDate", "\"2024-06-01\"");

        var errors = _validator.Validate(Form, form);

        Assert.Equal(
            [
                new FieldError("#/form/child/name", "too_long", "Newborn › Name: must be at most 20 characters long.", "新生儿·姓名：不能超过 20 个字符。"),
                new FieldError("#/form/child/birthDate", "too_early", "Newborn › Date of birth: cannot be before 2025-01-01.", "新生儿·出生日期：不能早于 2025-01-01。"),
                new FieldError("#/form/father/idNumber", "format.resident-id.check",
                    "Father › ID number: the check character is wrong: the number was mistyped.", "父亲·身份证号码：校验码错误，请核对号码。"),
                new FieldError("#/form/materials/0/kind", "required", "Materials item 1 › Kind: this field is required.", "材料清单第1项·材料类型：此项必须填写。"),
            ],
            errors);
    }

    [Fact]
    public void Today_is_the_date_in_Beijing()
    {
        // 17:30 UTC on 9 March is 01:30 on 10 March in Beijing: a child born on the 10th is not born in the future.
        var validator = new FormValidator(new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 17, 30, 0, TimeSpan.Zero)));
        var form = JsonNode.Parse(ValidForm)!.AsObject();
        Set(form, "/child/birthDate", "\"2026-03-10\"");
        Assert.Empty(validator.Validate(Form, form));

        Set(form, "/child/birthDate", "\"2026-03-11\"");
        Assert.Equal("future_date", Assert.Single(validator.Validate(Form, form)).Code);
    }

    [Fact]
    public void A_form_that_is_not_an_object_is_one_error_on_the_form()
    {
        foreach (var data in new JsonNode?[] { null, new JsonArray(), JsonValue.Create("form") })
        {
            var error = Assert.Single(_validator.Validate(Form, data));
            Assert.Equal(("#/form", "type"), (error.Pointer, error.Code));
        }

        Assert.Equal(["#/form/child", "#/form/father", "#/form/mother", "#/form/contact", "#/form/materials"],
            _validator.Validate(Form, new JsonObject()).Select(e => e.Pointer));
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Lengths_count_characters_not_UTF16_units(int count, bool valid)
    {
        // 𠀀 (U+20000, CJK Extension B, found in real names) is two UTF-16 units.
        var form = JsonNode.Parse(ValidForm)!.AsObject();
        form["child"]!["name"] = string.Concat(Enumerable.Repeat("𠀀", count));
        Assert.Equal(valid, _validator.Validate(Form, form).Count == 0);
    }

    [Fact]
    public void Huge_strings_are_refused_without_echoing_them()
    {
        var form = JsonNode.Parse(ValidForm)!.AsObject();
        form["child"]!["name"] = new string('名', 2_000_000);
        form["contact"]!["address"] = new string('址', 2_000_000);
        form["father"]!["idNumber"] = new string('3', 1_000_000);

        var errors = _validator.Validate(Form, form);

        Assert.Equal(
            [("#/form/child/name", "too_long"), ("#/form/father/idNumber", "format.resident-id.length"), ("#/form/contact/address", "too_long")],
            errors.Select(e => (e.Pointer, e.Code)));
        Assert.All(errors, e => Assert.True(e.Detail.Length < 200 && e.DetailZh.Length < 200));
    }

    [Fact]
    public void Text_that_is_not_valid_UTF16_is_reported_not_thrown()
    {
        var json = ValidForm.Replace("\"张小明\"", "\"张\\ud800明\"", StringComparison.Ordinal);

        var fromElement = Assert.Single(_validator.Validate(Form, JsonDocument.Parse(json).RootElement));
        var fromNode = Assert.Single(_validator.Validate(Form, JsonNode.Parse(json)));

        Assert.Equal(("#/form/child/name", "invalid_text"), (fromElement.Pointer, fromElement.Code));
        Assert.Equal(fromElement, fromNode);
        Assert.Equal("新生儿·姓名：含有无法识别的字符，请重新输入。", fromElement.DetailZh);
    }

    [Fact]
    public void The_form_is_read_from_the_definition_metadata()
    {
        var metadata = new JsonObject { ["form"] = JsonNode.Parse(Schema), ["category"] = "newborn" };

        var form = JourneyForm.FromMetadata("newborn", metadata);

        Assert.NotNull(form);
        Assert.Equal("newborn", form.JourneyId);
        Assert.Empty(_validator.Validate(form, JsonNode.Parse(ValidForm)));
        Assert.Null(JourneyForm.FromMetadata("retirement", new JsonObject()));
        Assert.Null(JourneyForm.FromMetadata("retirement", null));
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "id": { "type": "string", "format": "passport", "title": "证件" } } }""", "unknown format")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "#/$defs/missing", "title": "人" } } }""", "$ref")]
    [InlineData("""{ "type": "object", "properties": { "p": { "$ref": "https://example.org/person.json", "title": "人" } } }""", "$ref")]
    [InlineData("""{ "type": "object", "properties": { "d": { "type": "string", "x-not-before": "2025-13-01", "title": "日期" } } }""", "x-not-before")]
    [InlineData("""{ "type": "object", "properties": { "d": { "type": "string", "x-not-future": "yes", "title": "日期" } } }""", "x-not-future")]
    [InlineData("""{ "type": "object", "properties": { "name": { "type": "string" } } }""", "no title")]
    [InlineData("""{ "type": "object", "properties": { "name": { "type": "strng", "title": "姓名" } } }""", "not a valid JSON Schema")]
    [InlineData("""{ "type": "object", "properties": { "name": { "type": "string", "pattern": "([", "title": "姓名" } } }""", "not a valid JSON Schema")]
    [InlineData("""{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object" }""", "2020-12")]
    [InlineData("""[ "not", "a", "schema" ]""", "object schema")]
    public void A_schema_that_cannot_be_used_is_a_definition_error_naming_the_journey(string schema, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => JourneyForm.Compile("property-transfer", JsonNode.Parse(schema)!));
        Assert.Contains("'property-transfer'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_journeys_may_use_the_same_schema_id()
    {
        var schema = """{ "$id": "https://onething.example/forms/shared", "type": "object", "properties": { "n": { "type": "string", "title": "名称" } } }""";
        var first = JourneyForm.Compile("a", JsonNode.Parse(schema)!);
        var second = JourneyForm.Compile("b", JsonNode.Parse(schema)!);
        Assert.Equal("type", Assert.Single(_validator.Validate(second, JsonNode.Parse("""{ "n": 1 }"""))).Code);
        Assert.Empty(_validator.Validate(first, JsonNode.Parse("""{ "n": "x" }""")));
    }

    private static readonly JourneyForm ConditionalForm = JourneyForm.Compile("retirement", JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "relation": { "enum": ["本人", "代理人"], "title": "申请人身份", "x-title-en": "Applicant is" },
            "agentId": { "type": "string", "format": "resident-id", "title": "代理人身份证号码", "x-title-en": "Agent's ID number" },
            "name": { "type": "string", "maxLength": 4, "title": "姓名", "x-title-en": "Name" },
            "reach": { "title": "联系方式", "x-title-en": "Contact", "oneOf": [ { "type": "string", "format": "mobile" }, { "type": "string", "format": "email" } ] }
          },
          "if": { "properties": { "relation": { "const": "代理人" } }, "required": ["relation"] },
          "then": { "required": ["agentId"] }
        }
        """)!);

    [Theory]
    [InlineData("""{ "relation": "本人", "name": "张三", "reach": "13800138000" }""", new string[0])]
    [InlineData("""{ "relation": "代理人", "agentId": "371702199003071231", "reach": "zhang@example.org" }""", new string[0])]
    [InlineData("""{ "relation": "本人", "name": "欧阳司马长名" }""", new[] { "#/form/name too_long" })] // the failed "if" is no error
    [InlineData("""{ "relation": "代理人", "name": "张三" }""", new[] { "#/form/agentId required" })] // required by "then"
    [InlineData("""{ "reach": "not a number" }""", new[] { "#/form/reach one_of" })] // one error, not one per alternative
    public void Conditions_and_alternatives_report_what_the_applicant_must_change(string data, string[] expected) =>
        Assert.Equal(expected, _validator.Validate(ConditionalForm, JsonNode.Parse(data)).Select(e => $"{e.Pointer} {e.Code}"));

    [Fact]
    public void A_requirement_from_a_condition_names_the_missing_field()
    {
        var error = Assert.Single(_validator.Validate(ConditionalForm, JsonNode.Parse("""{ "relation": "代理人" }""")));
        Assert.Equal("代理人身份证号码：此项必须填写。", error.DetailZh);
        Assert.Equal("Agent's ID number: this field is required.", error.Detail);
    }

    /// <summary>Sets (or, with a null value, removes) the member at an RFC 6901 pointer.</summary>
    private static void Set(JsonObject form, string pointer, string? json)
    {
        var segments = pointer[1..].Split('/');
        JsonNode parent = form;
        foreach (var segment in segments[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }

        var value = json is null ? null : JsonNode.Parse(json);
        switch (parent)
        {
            case JsonObject o when value is null:
                o.Remove(segments[^1]);
                break;
            case JsonObject o:
                o[segments[^1]] = value;
                break;
            default:
                parent.AsArray()[int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
        }
    }
}
