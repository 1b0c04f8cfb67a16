using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using OneThing.Host.Sandbox.OutsideSystems;
using static OneThing.FunctionalTests.Journeys.JourneyForms;

namespace OneThing.FunctionalTests.Protection;

/// <summary>
/// Encryption at rest, checked the way an attacker with a database dump would: cases of all four journeys (forms
/// with ID numbers, mobile numbers, bank card numbers and addresses), consents, an evaluation and notifications
/// are made over HTTP, then <c>pg_dump</c> of the test database must hold none of those values in plain text —
/// raw UTF-8, JSON-escaped (<c>\uXXXX</c>) or as bytea hex. The sandbox outside systems (the licence library, the
/// SMS gateway) stand for OTHER agencies' systems: their tables live in schema <c>sandbox</c>, which the dump
/// excludes — and which, dumped on its own, does hold plain values, showing the check can see them.
/// </summary>
public sealed class PlaintextAbsenceTests(PlatformFixture platform) : PlatformTest(platform)
{
    private static readonly string[] IdNumbers = [ZhangWei, LiNa, WangQiang, ZhaoMin, LiuYang];
    private static readonly string[] Phones = ["13800000001", "13800000002", "13800000003", "13800000004", "13800000005"];
    private static readonly string[] BankCards = [NewbornSteps.AccountNumber, "6222021234567890"];
    private static readonly string[] Addresses = ["山东省菏泽市牡丹区中华路100号", "山东省菏泽市单县北城街道园艺路18号", "山东省菏泽市曹县青菏路88号2单元301室"];

    private readonly JourneyClient _journeys = new(platform);

    public override Task DisposeAsync()
    {
        _journeys.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task A_pg_dump_after_all_four_journeys_holds_no_ID_phone_bank_card_or_address_in_plain_text()
    {
        // The forms used carry every kind of value checked.
        Assert.All(BankCards.Take(1), card => Assert.Contains(card, NewbornSteps.Form().ToJsonString(), StringComparison.Ordinal));
        Assert.Contains(BankCards[1], Retirement().ToJsonString(), StringComparison.Ordinal);

        // 新生儿出生: consent of the mother, submission by the father, completion, a rating with a comment.
        var newborn = await NewbornSteps.AcceptedCaseAsync(_journeys);
        await _journeys.ApproveAsync(NewbornSteps.Clerk("cdc"), newborn, "vaccination-certificate");
        await _journeys.ApproveAsync(NewbornSteps.Clerk("medical-insurance"), newborn, "maternity-allowance");
        await _journeys.ApproveAsync(NewbornSteps.Clerk("health"), newborn, "birth-certificate");
        await _journeys.WaitForMatterAsync(NewbornSteps.Father, newborn, "household-registration", "InReview", TimeSpan.FromSeconds(60));
        await _journeys.ApproveAsync(NewbornSteps.Clerk("police"), newborn, "household-registration");
        await _journeys.WaitForCaseAsync(NewbornSteps.Father, newborn, "Completed", TimeSpan.FromSeconds(60));
        var rating = await _journeys.PostAsync(NewbornSteps.Father, $"/api/v1/cases/{newborn}/evaluations", new
        {
            levels = new { overall = "非常满意" },
            comment = $"办得快，有事请打 {Phones[0]}",
        });
        await JourneyClient.ExpectAsync(rating, HttpStatusCode.Created, "the rating");

        // 企业开办: 赵敏 founds a company (address, shareholders' ID numbers, phone); accepted.
        var startup = CaseJson.Number(await _journeys.SubmitAsync("zhaomin", new { journey = "business-startup", form = BusinessStartup() }));
        await _journeys.ApproveAsync(Clerk("service-center"), startup, "acceptance");

        // 退休: the employer's agent files for 王强 (bank card, phones) with his consent and authorisation evidence.
        await ConsentAsync(_journeys, "wangqiang", ZhaoMin, "retirement", "id-card", "household-register");
        var retirement = CaseJson.Number(await _journeys.SubmitAsync("zhaomin", new
        {
            journey = "retirement",
            form = Retirement(),
            authorisation = new { kind = "employer-authorisation", reference = "鲁西机械人〔2026〕3号", description = $"单位授权人事专员赵敏（{Phones[3]}）办理职工退休" },
        }));
        await _journeys.ApproveAsync(Clerk("service-center"), retirement, "acceptance");

        // 二手房转移: 刘洋 buys 王强's flat (the property address) with his consent.
        await ConsentAsync(_journeys, "wangqiang", LiuYang, "property-transfer", "id-card", "property-certificate");
        var transfer = CaseJson.Number(await _journeys.SubmitAsync("liuyang", new { journey = "property-transfer", form = PropertyTransfer() }));
        await _journeys.ApproveAsync(Clerk("service-center"), transfer, "acceptance");
        await _journeys.WaitForMatterAsync("liuyang", transfer, "contract-filing", "InReview");
        await _journeys.WaitForMatterAsync("zhaomin", retirement, "retirement-qualification", "InReview");

        // Everything has landed: notifications delivered, the outbox drained of what was sent.
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            await Eventually.HoldsAsync(async () => await db.Notifications.CountAsync() >= 4 && !await db.OutboxMessages.AnyAsync(m => m.DispatchedAt == null),
                "notifications are delivered and the outbox is drained", TimeSpan.FromSeconds(30));
            Assert.Equal(4, await db.Cases.CountAsync());
            Assert.Equal(3, await db.LicenceConsents.CountAsync());
            Assert.Equal(1, await db.Set<OneThing.Host.Cases.Evaluations.Evaluation>().CountAsync());

            // A data-protection master key (tokens, cookies) is stored too: encrypted under the field key ring.
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>()
                .CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        }

        var dump = await PgDumpAsync($"--exclude-schema={SandboxSchema.Name}");
        Assert.Contains(newborn, dump, StringComparison.Ordinal);
        Assert.Contains("enc:v1:", dump, StringComparison.Ordinal);
        Assert.Contains("<encryptedKey", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", dump, StringComparison.Ordinal);

        var found = (from value in IdNumbers.Concat(Phones).Concat(BankCards).Concat(Addresses)
                     from form in Forms(value)
                     where dump.Contains(form.Text, StringComparison.OrdinalIgnoreCase)
                     select $"{value} as {form.Kind} at: …{Around(dump, form.Text)}…").ToList();
        Assert.True(found.Count == 0, $"Plain personal data in the dump:\n{string.Join('\n', found)}");

        // The other agencies' stores (excluded above, with reason) do hold plain values: the check would see them.
        var sandbox = await PgDumpAsync($"--schema={SandboxSchema.Name}");
        Assert.Contains(ZhangWei, sandbox, StringComparison.Ordinal);
    }

    /// <summary>How a value can appear in a dump: as it is, JSON-escaped (either hex case), or as hex inside a bytea.</summary>
    private static IEnumerable<(string Kind, string Text)> Forms(string value)
    {
        yield return ("text", value);
        if (value.Any(c => c > 127))
        {
            yield return ("json-escaped", string.Concat(value.Select(c => c > 127 ? $"\\u{(int)c:x4}" : c.ToString())));
            yield return ("json-escaped (upper)", string.Concat(value.Select(c => c > 127 ? $"\\u{(int)c:X4}" : c.ToString())));
        }

        yield return ("bytea hex", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value)));
    }

    private static string Around(string dump, string text)
    {
        var at = dump.IndexOf(text, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - 120);
        return dump.Substring(start, Math.Min(dump.Length - start, text.Length + 240)).ReplaceLineEndings(" ");
    }

    private async Task<string> PgDumpAsync(string scope)
    {
        var connection = new NpgsqlConnectionStringBuilder(Platform.ConnectionString);
        var start = new ProcessStartInfo(PgDump())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--data-only", "--no-owner", scope, "-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-U", connection.Username!, "-d", connection.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed ({process.ExitCode}): {await error}");
        return await output;
    }

    /// <summary>pg_dump on the PATH, else the newest under /usr/lib/postgresql/*/bin.</summary>
    private static string PgDump()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "pg_dump")).FirstOrDefault(File.Exists);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? onPath ?? throw new InvalidOperationException("pg_dump not found: install the PostgreSQL client (it comes with the server packages).");
    }
}
