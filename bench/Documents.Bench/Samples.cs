using OneThing.Host.Documents;

namespace OneThing.Documents.Bench;

/// <summary>The documents measured: a label/value result and a four-matter completion notice, one page each.</summary>
internal static class Samples
{
    public static readonly Dictionary<string, string> Departments = new()
    {
        ["health"] = "菏泽市卫生健康委员会",
        ["service-center"] = "菏泽市政务服务中心",
    };

    public static ResultDocumentModel BirthCertificate(int n) => new(
        $"D20261129-{n:D6}", VerificationCodes.New(), "出生医学证明（电子副本）", "3717022026112900017K", "李秀英", "3717**********1231",
        ResultTable.Fields(
            ("新生儿姓名", "王小明"), ("性别", "男"), ("出生时间", "2026年11月20日 08时15分"), ("出生地点", "山东省菏泽市牡丹区"),
            ("母亲姓名", "李秀英"), ("父亲姓名", "王建国"), ("接生机构", "菏泽市立医院")),
        new DateOnly(2026, 11, 29), "菏泽市卫生健康委员会", "health", "新生儿出生一件事", "https://onething.heze.example");

    public static ResultDocumentModel CompletionNotice(int n) => new(
        $"D20261203-{n:D6}", VerificationCodes.New(), "办结通知书", "3717022026112900017K", "李秀英", "3717**********1231",
        ResultTable.Matters(
            new MatterOutcome("出生医学证明", "菏泽市卫生健康委员会", "已办结", new DateOnly(2026, 11, 30)),
            new MatterOutcome("出生登记", "菏泽市公安局", "已办结", new DateOnly(2026, 12, 1)),
            new MatterOutcome("城乡居民医保参保登记", "菏泽市医疗保障局", "已办结", new DateOnly(2026, 12, 2)),
            new MatterOutcome("社保卡申领", "菏泽市人力资源和社会保障局", "已受理，制卡中", new DateOnly(2026, 12, 3))),
        new DateOnly(2026, 12, 3), "菏泽市政务服务中心", "service-center", "新生儿出生一件事", "https://onething.heze.example");
}
