using System.Net;
using System.Text.Json.Nodes;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// The sandbox's demo people (demo-users.json, demo-licences.json) and valid forms of the business start-up,
/// retirement, property transfer and newborn journeys built from them; tests change one field at a time.
/// </summary>
internal static class JourneyForms
{
    public const string ZhangWei = "371702199003071231";
    public const string LiNa = "371702199205152240";
    public const string WangQiang = "371721196203184519";
    public const string ZhaoMin = "371722198811204064";
    public const string LiuYang = "371703198508123019";

    /// <summary>菏泽鲁西机械有限公司, 王强's employer, holder of a demo business licence.</summary>
    public const string EmployerCreditCode = "91371721MA3C7K2L56";
    public const string EmployerName = "菏泽鲁西机械有限公司";

    public static string Clerk(string department) => $"clerk.{department}";

    public static JsonObject BusinessStartup() => new()
    {
        ["company"] = new JsonObject
        {
            ["name"] = "菏泽智汇信息科技有限公司",
            ["type"] = "有限责任公司（自然人投资或控股）",
            ["registeredCapital"] = 100,
            ["address"] = "山东省菏泽市单县北城街道园艺路18号",
            ["regionCode"] = "371722",
            ["businessScope"] = "软件开发；信息技术咨询服务",
        },
        ["legalRepresentative"] = new JsonObject { ["name"] = "赵敏", ["idNumber"] = ZhaoMin, ["phone"] = "13800000004" },
        ["shareholders"] = new JsonArray(
            new JsonObject { ["name"] = "赵敏", ["idNumber"] = ZhaoMin, ["share"] = 60 },
            new JsonObject { ["name"] = "刘洋", ["idNumber"] = LiuYang, ["share"] = 40 }),
        ["employees"] = 8,
        ["bank"] = new JsonObject { ["name"] = "中国建设银行", ["branch"] = "单县支行" },
    };

    /// <summary>菏泽鲁西机械有限公司, through its HR agent 赵敏, files the retirement of 王强 (male, insured since 1985).</summary>
    public static JsonObject Retirement() => new()
    {
        ["employer"] = new JsonObject { ["name"] = EmployerName, ["creditCode"] = EmployerCreditCode },
        ["agent"] = new JsonObject { ["name"] = "赵敏", ["idNumber"] = ZhaoMin, ["phone"] = "13800000004" },
        ["employee"] = new JsonObject
        {
            ["name"] = "王强",
            ["idNumber"] = WangQiang,
            ["phone"] = "13800000003",
            ["retirementDate"] = "2026-02-01",
            ["insuredSince"] = "1985-07-01",
            ["bankAccount"] = new JsonObject { ["bankName"] = "中国工商银行曹县支行", ["accountNumber"] = "6222021234567890" },
        },
        ["housingFund"] = new JsonObject { ["accountNumber"] = "3717210012345" },
    };

    /// <summary>刘洋 (buyer, unmarried) buys 王强's flat in 曹县; all four utility accounts move with it.</summary>
    public static JsonObject PropertyTransfer() => new()
    {
        ["property"] = new JsonObject
        {
            ["certificateNumber"] = "鲁(2019)曹县不动产权第0001234号",
            ["address"] = "山东省菏泽市曹县青菏路88号2单元301室",
            ["area"] = 89.6,
            ["regionCode"] = "371721",
        },
        ["seller"] = new JsonObject { ["name"] = "王强", ["idNumber"] = WangQiang, ["phone"] = "13800000003" },
        ["buyer"] = new JsonObject { ["name"] = "刘洋", ["idNumber"] = LiuYang, ["phone"] = "13800000005", ["maritalStatus"] = "未婚" },
        ["contract"] = new JsonObject { ["number"] = "WQ2026000123", ["price"] = 680000, ["signedOn"] = "2025-12-28" },
        ["utilities"] = new JsonObject { ["electricity"] = "3700123456", ["water"] = "CX-001234", ["gas"] = "RQ-778812", ["broadband"] = "BB20190001" },
    };

    /// <summary>张伟 (father, applicant) and 李娜 (mother); the child joins the father's household.</summary>
    public static JsonObject Newborn() => new()
    {
        ["child"] = new JsonObject { ["name"] = "张子涵", ["sex"] = "男", ["birthDate"] = "2025-12-20", ["birthPlace"] = "371702", ["hospital"] = "菏泽市立医院" },
        ["father"] = new JsonObject { ["name"] = "张伟", ["idNumber"] = ZhangWei, ["phone"] = "13800000001" },
        ["mother"] = new JsonObject { ["name"] = "李娜", ["idNumber"] = LiNa, ["phone"] = "13800000002" },
        ["household"] = new JsonObject { ["parent"] = "father", ["idNumber"] = ZhangWei },
        ["bankAccount"] = new JsonObject { ["bankName"] = "中国建设银行菏泽分行", ["accountNumber"] = "6217001234567890123" },
        ["address"] = "山东省菏泽市牡丹区中华路100号",
    };

    /// <summary>The holder (signed in as <paramref name="grantor"/>) lets <paramref name="granteeIdNumber"/> use their licences in one journey.</summary>
    public static async Task ConsentAsync(JourneyClient journeys, string grantor, string granteeIdNumber, string journey, params string[] licenceTypes)
    {
        var response = await journeys.PostAsync(grantor, "/api/v1/me/consents", new { granteeIdNumber, journey, licenceTypes });
        await JourneyClient.ExpectAsync(response, HttpStatusCode.Created, $"{grantor} consents for {journey}");
    }
}
