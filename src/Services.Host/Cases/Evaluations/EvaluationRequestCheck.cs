using System.Text.Json;
using System.Text.Json.Nodes;
using OneThing.Host.Hosting;

namespace OneThing.Host.Cases.Evaluations;

/// <summary>A rating that passed <see cref="EvaluationRequestCheck"/>.</summary>
public sealed record CheckedRating(
    EvaluationChannel Channel, IReadOnlyDictionary<string, SatisfactionLevel> Levels, IReadOnlyDictionary<string, SatisfactionLevel> MatterLevels, string? Comment)
{
    public SatisfactionLevel Overall => Levels[EvaluationIndicators.Overall];

    /// <summary>The overall level or any matter's is a bad review (差评).</summary>
    public bool Bad => Overall.IsBad() || MatterLevels.Values.Any(l => l.IsBad());
}

/// <summary>
/// Checks a rating against the channel it is given through and the matters of the case, reporting every problem at
/// once as field errors (unknown level or indicator, missing overall level, comment too long, matter not in the case).
/// </summary>
public static class EvaluationRequestCheck
{
    public const int MaxComment = 500;

    public static CheckedRating? Check(EvaluationRequest request, EvaluationChannel callerChannel, IReadOnlyCollection<string> caseMatters, List<FieldError> errors)
    {
        var channel = callerChannel;
        if (request.Channel is { } requested)
        {
            if (!Enum.TryParse<EvaluationChannel>(requested, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(requested, out _))
            {
                errors.Add(new FieldError("#/channel", "unknown_channel", "The channel is online or window.", "评价渠道只能是 online（网上）或 window（窗口）。"));
            }
            else if (parsed != callerChannel)
            {
                errors.Add(callerChannel == EvaluationChannel.Window
                    ? new FieldError("#/channel", "channel_not_allowed", "A window clerk rates at the window, on the applicant's behalf.", "窗口工作人员只能代申请人进行窗口评价。")
                    : new FieldError("#/channel", "channel_not_allowed", "Window ratings are given through the window clerk; rate online.", "窗口评价须由窗口工作人员代为提交，请选择网上评价。"));
            }
        }

        var allowed = EvaluationIndicators.For(channel);
        var levels = new Dictionary<string, SatisfactionLevel>();
        foreach (var (indicator, value) in request.Levels ?? [])
        {
            if (!allowed.Contains(indicator))
            {
                errors.Add(indicator == EvaluationIndicators.Attitude
                    ? new FieldError($"#/levels/{indicator}", "unknown_indicator", "Service attitude is rated at the window only.", "服务态度仅在窗口评价中评价。")
                    : new FieldError($"#/levels/{indicator}", "unknown_indicator", $"'{indicator}' is not an indicator; use {string.Join(", ", allowed)}.",
                        $"“{indicator}”不是评价指标，可用指标：{string.Join("、", allowed.Select(a => EvaluationIndicators.Names[a]))}。"));
            }
            else if (Level(value) is { } level)
            {
                levels[indicator] = level;
            }
            else
            {
                errors.Add(UnknownLevel($"#/levels/{indicator}"));
            }
        }

        if (request.Levels?.ContainsKey(EvaluationIndicators.Overall) != true)
        {
            errors.Add(new FieldError("#/levels/overall", "required", "Give the overall level.", "请评价整体满意度。"));
        }

        var matterLevels = new Dictionary<string, SatisfactionLevel>();
        var ratings = request.Matters ?? [];
        for (var i = 0; i < ratings.Count; i++)
        {
            var code = ratings[i].Matter;
            if (string.IsNullOrWhiteSpace(code) || !caseMatters.Contains(code))
            {
                errors.Add(new FieldError($"#/matters/{i}/matter", "matter_not_in_case", $"'{code}' is not a matter of this case.", $"“{code}”不是本办件的办理事项。"));
            }
            else if (matterLevels.ContainsKey(code))
            {
                errors.Add(new FieldError($"#/matters/{i}/matter", "duplicate_matter", $"'{code}' is rated twice.", $"事项“{code}”重复评价。"));
            }

            if (Level(ratings[i].Level) is { } level)
            {
                if (!string.IsNullOrWhiteSpace(code))
                {
                    matterLevels.TryAdd(code, level);
                }
            }
            else
            {
                errors.Add(UnknownLevel($"#/matters/{i}/level"));
            }
        }

        if (request.Comment is { Length: > MaxComment })
        {
            errors.Add(new FieldError("#/comment", "too_long", $"The comment is at most {MaxComment} characters.", $"评价内容不能超过 {MaxComment} 个字。"));
        }

        return errors.Count > 0 ? null
            : new CheckedRating(channel, levels, matterLevels, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim());
    }

    private static SatisfactionLevel? Level(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && SatisfactionLevels.TryParse(v.GetValue<string>(), out var level) ? level : null;

    private static FieldError UnknownLevel(string pointer) =>
        new(pointer, "unknown_level", $"The level is one of {SatisfactionLevels.Listing}.", $"评价等级只能是{SatisfactionLevels.ListingZh}之一。");
}
