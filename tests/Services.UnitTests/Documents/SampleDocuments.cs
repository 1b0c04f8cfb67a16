using OneThing.Host.Documents;

namespace OneThing.UnitTests.Documents;

/// <summary>The result documents the tests issue: a newborn's birth certificate copy and a completion notice.</summary>
internal static class SampleDocuments
{
    public static readonly Dictionary<string, string> Departments = new()
    {
        ["health"] = "菏泽市卫生健康委员会",
        ["police"] = "菏泽市公安局",
        ["service-center"] = "菏泽市政务服务中心",
        ["hrss"] = "菏泽市人力资源和社会保障局",
    };

    public static ResultDocumentModel BirthCertificate() => new(
        DocumentId: "D20261129-000123",
        VerificationCode: "7KQ4-MZ2D",
        Title: "出生医学证明（电子副本）",
        CaseNumber: "3717022026112900017K",
        ApplicantName: "李秀英",
        ApplicantIdMasked: "3717**********1231",
        Table: ResultTable.Fields(
            ("新生儿姓名", "王小明"),
            ("性别", "男"),
            ("出生时间", "2026年11月20日 08时15分"),
            ("出生地点", "山东省菏泽市牡丹区"),
            ("母亲姓名", "李秀英"),
            ("父亲姓名", "王建国"),
            ("接生机构", "菏泽市立医院")),
        IssuedOn: new DateOnly(2026, 11, 29),
        IssuerName: "菏泽市卫生健康委员会",
        DepartmentCode: "health",
        JourneyName: "新生儿出生一件事",
        VerificationBaseUrl: "https://onething.heze.example");

    public static ResultDocumentModel CompletionNotice() => new(
        DocumentId: "D20261203-000456",
        VerificationCode: "P3XW-9HTR",
        Title: "办结通知书",
        CaseNumber: "3717022026112900017K",
        ApplicantName: "李秀英",
        ApplicantIdMasked: "3717**********1231",
        Table: ResultTable.Matters(
            new MatterOutcome("出生医学证明", "菏泽市卫生健康委员会", "已办结", new DateOnly(2026, 11, 30)),
            new MatterOutcome("出生登记", "菏泽市公安局", "已办结", new DateOnly(2026, 12, 1)),
            new MatterOutcome("城乡居民医保参保登记", "菏泽市医疗保障局", "已办结", new DateOnly(2026, 12, 2)),
            new MatterOutcome("社保卡申领", "菏泽市人力资源和社会保障局", "已受理，制卡中", new DateOnly(2026, 12, 3))),
        IssuedOn: new DateOnly(2026, 12, 3),
        IssuerName: "菏泽市政务服务中心",
        DepartmentCode: "service-center",
        JourneyName: "新生儿出生一件事",
        VerificationBaseUrl: "https://onething.heze.example/");
}
