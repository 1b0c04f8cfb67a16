using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using static OneThing.FunctionalTests.Integrations.SandboxPeople;

namespace OneThing.FunctionalTests.Auditing;

/// <summary>
/// A host processing a case writes no full ID number, phone number or bank card to any log provider — in the message or
/// in the structured state — while their masked forms may appear.
/// </summary>
public sealed class LogMaskingTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task A_host_processing_a_case_logs_no_full_id_number_phone_or_bank_card()
    {
        var capture = new CapturingLoggerProvider();
        var settings = Platform.Settings();
        settings["Logging:LogLevel:Default"] = "Debug";
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information";
        await using var host = new OneThingAppFactory(settings, services => services.AddSingleton<ILoggerProvider>(capture));

        // The whole case on this host: consent, submission (licence pulls), acceptance, a full read.
        using var lina = await host.CreateApiClient().AuthorizeAsync(NewbornSteps.Mother);
        using var zhangwei = await host.CreateApiClient().AuthorizeAsync(NewbornSteps.Father);
        var consent = await lina.PostAsync("/api/v1/me/consents", JsonContent(new { granteeIdNumber = ZhangWei, journey = "newborn", licenceTypes = new[] { "id-card" } }));
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent(NewbornSteps.Submission()) };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await zhangwei.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var number = System.Text.Json.JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString();
        Assert.Equal(HttpStatusCode.OK, (await zhangwei.GetAsync($"/api/v1/cases/{number}")).StatusCode);

        // And code that logs personal numbers outright, in the message and as structured values.
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OneThing.Test");
        logger.LogWarning("Applicant {IdNumber} with phone {Phone} paid from {Card}", ZhangWei, NewbornSteps.FatherPhone, NewbornSteps.AccountNumber);
        logger.LogError(new InvalidOperationException($"holder {LiNa} refused"), "Refused for " + LiNa);

        var output = capture.Text();
        Assert.NotEmpty(capture.Records);
        foreach (var secret in new[] { ZhangWei, LiNa, NewbornSteps.FatherPhone, "13800000002", NewbornSteps.AccountNumber })
        {
            Assert.DoesNotContain(secret, output);
        }

        Assert.Contains("3717**********1231", output);
        Assert.Contains("138****0001", output);
        Assert.Contains("6217***********0123", output);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Keeps every record as a provider sees it: the formatted message, each structured value and the exception.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public string Text() => string.Join('\n', Records);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                provider.Records.Enqueue($"scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                provider.Records.Enqueue($"{formatter(state, exception)} | {values} | {exception}");
            }
        }
    }
}
