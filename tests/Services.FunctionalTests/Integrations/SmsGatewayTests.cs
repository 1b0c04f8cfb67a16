using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Integrations.OutsideSystems;
using OneThing.Integrations.Sms;

namespace OneThing.FunctionalTests.Integrations;

/// <summary><see cref="ISmsSender"/> as the host resolves it, against the sandbox SMS gateway over real HTTP.</summary>
public sealed class SmsGatewayTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Phone = "13800000001";

    private ISmsSender Sms => Platform.Factory.Services.GetRequiredService<ISmsSender>();

    [Fact]
    public async Task A_message_sent_twice_with_one_key_is_stored_once_and_listed_newest_first()
    {
        var key = $"sms-{Guid.NewGuid()}";

        var first = await Sms.SendAsync(Phone, "【菏泽一件事】您的办件已受理。", key);
        var repeat = await Sms.SendAsync(Phone, "【菏泽一件事】您的办件已受理。", key);
        var later = await Sms.SendAsync(Phone, "【菏泽一件事】您的办件已办结。", $"sms-{Guid.NewGuid()}");

        Assert.Equal(first, repeat);
        Assert.NotEqual(first.MessageId, later.MessageId);

        var messages = await ListAsync(Phone);
        Assert.Equal(["【菏泽一件事】您的办件已办结。", "【菏泽一件事】您的办件已受理。"], messages.Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal([later.MessageId, first.MessageId], messages.Select(m => m!["messageId"]!.GetValue<string>()));
        Assert.Empty(await ListAsync("13800000002"));
    }

    [Fact]
    public async Task A_key_reused_for_another_message_and_a_number_that_is_not_a_mobile_are_refused()
    {
        var key = $"sms-{Guid.NewGuid()}";
        await Sms.SendAsync(Phone, "第一条", key);

        var reused = await Assert.ThrowsAsync<OutsideSystemRefusalException>(() => Sms.SendAsync(Phone, "另一条", key));
        Assert.Equal((409, "idempotency_key_reused"), (reused.Status, reused.Code));

        var invalid = await Assert.ThrowsAsync<OutsideSystemRefusalException>(() => Sms.SendAsync("0530-1234567", "座机", $"sms-{Guid.NewGuid()}"));
        Assert.Equal((422, "invalid_request"), (invalid.Status, invalid.Code));
        Assert.Single(await ListAsync(Phone));
    }

    private async Task<JsonArray> ListAsync(string phoneNumber)
    {
        var address = Platform.Factory.Services.GetRequiredService<IOutsideSystemAddresses>().Find(OutsideSystem.Sms)!;
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonArray>(new Uri(address, $"messages?phoneNumber={phoneNumber}")))!;
    }
}
