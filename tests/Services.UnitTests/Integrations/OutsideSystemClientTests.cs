using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Integrations.Licences;
using OneThing.Integrations.OutsideSystems;
using OneThing.Integrations.Sms;

namespace OneThing.UnitTests.Integrations;

/// <summary>How the adapters address outside systems and what they make of their failures.</summary>
public sealed class OutsideSystemClientTests
{
    [Fact]
    public void A_configured_address_wins_over_the_one_the_sandbox_offers()
    {
        var addresses = Addresses(configuredSms: new Uri("https://sms.example.gov.cn/sms/v1"));

        Assert.False(addresses.Offer(OutsideSystem.Sms, new Uri("http://127.0.0.1:41000/sms/v1")));
        Assert.True(addresses.Offer(OutsideSystem.LicenceLibrary, new Uri("http://127.0.0.1:41000/licence-library/v1")));

        Assert.Equal("https://sms.example.gov.cn/sms/v1/", addresses.Find(OutsideSystem.Sms)!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:41000/licence-library/v1/", addresses.Find(OutsideSystem.LicenceLibrary)!.AbsoluteUri);
    }

    [Fact]
    public async Task Requests_go_below_the_base_address_with_the_idempotency_key()
    {
        var handler = new Answering(HttpStatusCode.Created, """{"messageId":"m-1","acceptedAt":"2026-11-29T08:00:00+00:00"}""", "application/json");
        var sms = new SmsGatewayClient(new HttpClient(handler), Offered("http://127.0.0.1:41000/sms/v1"));

        var receipt = await sms.SendAsync("13800000001", "您的办件已受理。", "notify-1");

        Assert.Equal("m-1", receipt.MessageId);
        Assert.Equal("http://127.0.0.1:41000/sms/v1/messages", handler.Request!.RequestUri!.AbsoluteUri);
        Assert.Equal("notify-1", handler.Request.Headers.GetValues("Idempotency-Key").Single());
        Assert.Equal("""{"phoneNumber":"13800000001","text":"您的办件已受理。"}""", handler.Body);
    }

    [Fact]
    public async Task A_server_failure_throws_an_exception_naming_the_system_status_and_problem_title()
    {
        var handler = new Answering(HttpStatusCode.ServiceUnavailable, """{"title":"Library under maintenance","status":503}""", "application/problem+json");
        var library = new LicenceLibraryClient(new HttpClient(handler), Offered("http://127.0.0.1:41000/licence-library/v1/", OutsideSystem.LicenceLibrary));

        var failure = await Assert.ThrowsAsync<OutsideSystemException>(() => library.ListAsync("371702199003071231"));

        Assert.Equal(503, failure.Status);
        Assert.Equal("Library under maintenance", failure.ProblemTitle);
        Assert.Contains("licence library", failure.Message, StringComparison.Ordinal);
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Library under maintenance", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_documented_refusal_is_not_a_retryable_failure()
    {
        var handler = new Answering(HttpStatusCode.NotFound,
            """{"title":"Licence not found","status":404,"code":"licence_not_found","detail":"No licence X.","detailZh":"没有证照 X。"}""", "application/problem+json");
        var library = new LicenceLibraryClient(new HttpClient(handler), Offered("http://127.0.0.1:41000/licence-library/v1/", OutsideSystem.LicenceLibrary));

        var refusal = await Assert.ThrowsAsync<OutsideSystemRefusalException>(() => library.RevokeAsync("X", "撤回", "revoke-1"));

        Assert.Equal(404, refusal.Status);
        Assert.Equal("licence_not_found", refusal.Code);
        Assert.Equal("没有证照 X。", refusal.DetailZh);
        Assert.Equal("http://127.0.0.1:41000/licence-library/v1/licences/X/revoke", handler.Request!.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_404_without_a_problem_code_is_a_failure_such_as_a_wrong_base_address()
    {
        var library = new LicenceLibraryClient(new HttpClient(new Answering(HttpStatusCode.NotFound, "", "text/plain")),
            Offered("http://127.0.0.1:41000/wrong/", OutsideSystem.LicenceLibrary));

        var failure = await Assert.ThrowsAsync<OutsideSystemException>(() => library.ListAsync("371702199003071231"));

        Assert.Equal(404, failure.Status);
    }

    [Fact]
    public async Task Without_an_address_the_call_fails_naming_the_setting()
    {
        var library = new LicenceLibraryClient(new HttpClient(new Answering(HttpStatusCode.OK, "[]", "application/json")), Addresses());

        var failure = await Assert.ThrowsAsync<OutsideSystemException>(() => library.ListAsync("371702199003071231"));

        Assert.Contains("Integrations:LicenceLibrary:BaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_licence_hash_covers_content_in_canonical_order_but_not_the_status()
    {
        var data = JsonNode.Parse("""{"name":"张伟","members":[{"relation":"户主","idNumber":"371702199003071231"}]}""")!.AsObject();
        var reordered = JsonNode.Parse("""{ "members": [ { "idNumber": "371702199003071231", "relation": "户主" } ], "name": "张伟" }""")!.AsObject();
        var licence = new LicenceRecord("1.2.156.3005.2.T.I.S.001.0", "household-register", "居民户口簿", "371702199003071231", "张伟",
            "11371702004300112P", "菏泽市公安局牡丹分局", new DateOnly(2019, 10, 8), null, LicenceStatus.Valid, data, "");

        var hash = LicenceHash.Compute(licence);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, LicenceHash.Compute(licence with { Data = reordered, Status = LicenceStatus.Revoked }));
        Assert.NotEqual(hash, LicenceHash.Compute(licence with { HolderName = "张伟伟" }));
        Assert.NotEqual(hash, LicenceHash.Compute(licence with { ValidUntil = new DateOnly(2030, 1, 1) }));
    }

    private static OutsideSystemAddresses Addresses(Uri? configuredSms = null)
    {
        var services = new ServiceCollection();
        services.Configure<OutsideSystemOptions>(OutsideSystem.Sms.Key, o => o.BaseUrl = configuredSms);
        services.AddSingleton<OutsideSystemAddresses>();
        return services.BuildServiceProvider().GetRequiredService<OutsideSystemAddresses>();
    }

    private static OutsideSystemAddresses Offered(string address, OutsideSystem? system = null)
    {
        var addresses = Addresses();
        addresses.Offer(system ?? OutsideSystem.Sms, new Uri(address));
        return addresses;
    }

    /// <summary>An outside system that answers every request with one canned response and remembers the request.</summary>
    private sealed class Answering(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        }
    }
}
