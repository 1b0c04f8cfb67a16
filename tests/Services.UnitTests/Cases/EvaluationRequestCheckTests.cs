using System.Text.Json.Nodes;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Hosting;

namespace OneThing.UnitTests.Cases;

/// <summary>好差评 input: five official levels, the channel's indicators, overall required, matters of the case only.</summary>
public sealed class EvaluationRequestCheckTests
{
    private static readonly string[] Matters = ["acceptance", "birth-certificate", "household-registration"];

    private static (CheckedRating? Rating, Dictionary<string, string> Errors) Check(EvaluationRequest request, EvaluationChannel channel = EvaluationChannel.Online)
    {
        var errors = new List<FieldError>();
        var rating = EvaluationRequestCheck.Check(request, channel, Matters, errors);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.DetailZh)));
        return (rating, errors.ToDictionary(e => e.Pointer, e => e.Code));
    }

    private static Dictionary<string, JsonNode?> Levels(params (string Indicator, JsonNode? Level)[] levels) => levels.ToDictionary(l => l.Indicator, l => l.Level);

    [Theory]
    [InlineData("VerySatisfied", SatisfactionLevel.VerySatisfied, false)]
    [InlineData("satisfied", SatisfactionLevel.Satisfied, false)]
    [InlineData("基本满意", SatisfactionLevel.Basic, false)]
    [InlineData("不满意", SatisfactionLevel.Dissatisfied, true)]
    [InlineData("VeryDissatisfied", SatisfactionLevel.VeryDissatisfied, true)]
    public void Levels_are_read_by_English_name_or_Chinese_label_and_the_last_two_are_bad(string text, SatisfactionLevel level, bool bad)
    {
        var (rating, errors) = Check(new EvaluationRequest(null, Levels(("overall", text)), null, null));

        Assert.Empty(errors);
        Assert.Equal(level, rating!.Overall);
        Assert.Equal(bad, rating.Bad);
        Assert.Equal(EvaluationChannel.Online, rating.Channel);
    }

    [Fact]
    public void A_good_overall_level_with_one_bad_matter_is_a_bad_review()
    {
        var (rating, errors) = Check(new EvaluationRequest("online", Levels(("overall", "满意"), ("efficiency", "VerySatisfied")),
            [new MatterRating("household-registration", "非常不满意"), new MatterRating("birth-certificate", "VerySatisfied")], "  户籍窗口排队太久  "));

        Assert.Empty(errors);
        Assert.True(rating!.Bad);
        Assert.Equal(SatisfactionLevel.VeryDissatisfied, rating.MatterLevels["household-registration"]);
        Assert.Equal(SatisfactionLevel.VerySatisfied, rating.Levels["efficiency"]);
        Assert.Equal("户籍窗口排队太久", rating.Comment);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_as_a_field_error()
    {
        var (rating, errors) = Check(new EvaluationRequest(null, Levels(("efficiency", "great"), ("speed", "满意"), ("guidance", 5)),
            [new MatterRating("seal-engraving", "满意"), new MatterRating("birth-certificate", null)], new string('好', 501)));

        Assert.Null(rating);
        Assert.Equal(new Dictionary<string, string>
        {
            ["#/levels/efficiency"] = "unknown_level",
            ["#/levels/speed"] = "unknown_indicator",
            ["#/levels/guidance"] = "unknown_level",
            ["#/levels/overall"] = "required",
            ["#/matters/0/matter"] = "matter_not_in_case",
            ["#/matters/1/level"] = "unknown_level",
            ["#/comment"] = "too_long",
        }, errors);
    }

    [Fact]
    public void Service_attitude_is_an_indicator_of_window_ratings_only()
    {
        var request = new EvaluationRequest(null, Levels(("overall", "满意"), ("attitude", "非常满意")), null, null);

        Assert.Equal("unknown_indicator", Check(request).Errors["#/levels/attitude"]);
        var (rating, errors) = Check(request, EvaluationChannel.Window);
        Assert.Empty(errors);
        Assert.Equal(SatisfactionLevel.VerySatisfied, rating!.Levels["attitude"]);
        Assert.Equal(EvaluationChannel.Window, rating.Channel);
    }

    [Theory]
    [InlineData("window", EvaluationChannel.Online, "channel_not_allowed")]
    [InlineData("online", EvaluationChannel.Window, "channel_not_allowed")]
    [InlineData("phone", EvaluationChannel.Online, "unknown_channel")]
    [InlineData("1", EvaluationChannel.Online, "unknown_channel")]
    public void The_channel_must_be_the_callers(string channel, EvaluationChannel caller, string code)
    {
        var (_, errors) = Check(new EvaluationRequest(channel, Levels(("overall", "满意")), null, null), caller);

        Assert.Equal(code, errors["#/channel"]);
    }

    [Fact]
    public void A_matter_is_rated_once()
    {
        var (_, errors) = Check(new EvaluationRequest(null, Levels(("overall", "满意")),
            [new MatterRating("birth-certificate", "满意"), new MatterRating("birth-certificate", "不满意")], null));

        Assert.Equal("duplicate_matter", errors["#/matters/1/matter"]);
    }
}
