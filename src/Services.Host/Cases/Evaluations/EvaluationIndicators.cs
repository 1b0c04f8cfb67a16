namespace OneThing.Host.Cases.Evaluations;

/// <summary>
/// The indicators a rating covers (评价指标). Online ratings have five; a rating given at the window (offline,
/// through the window clerk) adds service attitude. Keys are the request's <c>levels</c> property names.
/// </summary>
public static class EvaluationIndicators
{
    public const string Overall = "overall";
    public const string Efficiency = "efficiency";
    public const string Guidance = "guidance";
    public const string Convenience = "convenience";
    public const string EaseOfUse = "easeOfUse";
    public const string Attitude = "attitude";

    /// <summary>Indicator → Chinese name (整体满意度, 办事效率, 指引准确性, 便捷程度, 易用性, 服务态度).</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Overall] = "整体满意度",
        [Efficiency] = "办事效率",
        [Guidance] = "办事指引准确性",
        [Convenience] = "办事便捷程度",
        [EaseOfUse] = "系统易用性",
        [Attitude] = "服务态度",
    };

    public static IReadOnlyList<string> For(EvaluationChannel channel) => channel == EvaluationChannel.Window
        ? [Overall, Efficiency, Guidance, Convenience, EaseOfUse, Attitude]
        : [Overall, Efficiency, Guidance, Convenience, EaseOfUse];
}
