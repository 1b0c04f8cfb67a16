using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;

namespace OneThing.FunctionalTests.Documents;

/// <summary>
/// A completed newborn case yields one sealed document per matter and one completion notice, downloadable only
/// by the applicant and the case's clerks; anyone can verify them by id and code or by uploading the PDF; a
/// changed byte is forged and a revoked document says so.
/// </summary>
public sealed partial class ResultDocumentTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task A_completed_newborn_case_has_sealed_documents_that_verify_and_can_be_revoked()
    {
        using var journeys = new JourneyClient(Platform);
        var number = await NewbornSteps.AcceptedCaseAsync(journeys);
        await journeys.ApproveAsync("clerk.cdc", number, "vaccination-certificate");
        await journeys.ApproveAsync("clerk.medical-insurance", number, "maternity-allowance");
        await journeys.ApproveAsync("clerk.health", number, "birth-certificate");
        await journeys.WaitForMatterAsync("zhangwei", number, "household-registration", "InReview");
        await journeys.ApproveAsync("clerk.police", number, "household-registration");
        await journeys.WaitForCaseAsync("zhangwei", number, "Completed");

        var documents = await journeys.GetJsonAsync("zhangwei", $"/api/v1/cases/{number}/documents");
        var byMatter = documents.EnumerateArray().ToDictionary(d => d.GetProperty("matter").GetString() ?? "(notice)");
        Assert.Equal(["(notice)", "birth-certificate", "household-registration", "insurance-payment", "maternity-allowance",
            "medical-insurance-enrolment", "social-security-card", "vaccination-certificate"], byMatter.Keys.Order());
        Assert.Equal("菏泽市政务服务中心", byMatter["(notice)"].GetProperty("issuer").GetString());
        Assert.Equal("菏泽市卫生健康委员会", byMatter["birth-certificate"].GetProperty("issuer").GetString());

        // Downloads: the applicant and the case's clerks; anybody else is told it does not exist.
        var birth = byMatter["birth-certificate"].GetProperty("id").GetGuid();
        var pdf = await (await journeys.AsAsync("zhangwei")).GetByteArrayAsync($"/api/v1/cases/{number}/documents/{birth}");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(HttpStatusCode.OK, (await (await journeys.AsAsync("clerk.health")).GetAsync($"/api/v1/cases/{number}/documents/{birth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await journeys.AsAsync("wangqiang")).GetAsync($"/api/v1/cases/{number}/documents/{birth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await journeys.AsAsync("wangqiang")).GetAsync($"/api/v1/cases/{number}/documents")).StatusCode);

        var text = await PdfTextAsync(pdf);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("出生医学证明签发（办理结果）", text, StringComparison.Ordinal);
        Assert.Contains("3717**********1231", text, StringComparison.Ordinal);
        var code = VerificationCode().Match(text).Value;
        Assert.False(string.IsNullOrEmpty(code), text);

        // Public verification, no login: by id and code, and by uploading the file.
        using var anonymous = Platform.Factory.CreateApiClient();
        var genuine = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{birth}?code={code}");
        Assert.Equal("genuine", genuine.GetProperty("status").GetString());
        Assert.Equal("菏泽市卫生健康委员会", genuine.GetProperty("issuer").GetString());
        Assert.Equal("newborn", genuine.GetProperty("journey").GetString());
        // The national-algorithm layer: the SM2-with-SM3 signature over the same file, by the department's seal.
        var national = genuine.GetProperty("nationalSignature");
        Assert.True(national.GetProperty("valid").GetBoolean(), national.GetRawText());
        Assert.Equal("菏泽市卫生健康委员会", national.GetProperty("seal").GetString());
        Assert.DoesNotContain("张", genuine.GetRawText(), StringComparison.Ordinal); // no personal data
        Assert.Equal("forged", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{birth}?code=AAAA-AAAA")).GetProperty("status").GetString());
        var uploaded = await UploadAsync(anonymous, pdf);
        Assert.Equal("genuine", uploaded.GetProperty("status").GetString());
        Assert.True(uploaded.GetProperty("nationalSignature").GetProperty("valid").GetBoolean());

        var tampered = (byte[])pdf.Clone();
        tampered[pdf.Length / 3] ^= 0x01;
        Assert.Equal("forged", (await UploadAsync(anonymous, tampered)).GetProperty("status").GetString());

        // Stored bytes changed behind our back (the notice's PDF in the database): the SM2 signature no longer matches the hash.
        var notice = byMatter["(notice)"].GetProperty("id").GetGuid();
        var noticePdf = await (await journeys.AsAsync("zhangwei")).GetByteArrayAsync($"/api/v1/cases/{number}/documents/{notice}");
        var noticeCode = VerificationCode().Match(await PdfTextAsync(noticePdf)).Value;
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            var record = await db.Set<OneThing.Host.Documents.ResultDocumentRecord>().SingleAsync(d => d.Id == notice);
            var changed = (byte[])record.Pdf.Clone();
            changed[^20] ^= 0x01;
            record.Pdf = changed;
            await db.SaveChangesAsync();
        }

        var changedNotice = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{notice}?code={noticeCode}");
        Assert.Equal("forged", changedNotice.GetProperty("status").GetString());
        Assert.Equal("DocumentHash", changedNotice.GetProperty("nationalSignature").GetProperty("failedStep").GetString());

        // Revocation by an administrator (not by the applicant); verification then says revoked.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await journeys.AsAsync("zhangwei")).PostAsJsonAsync($"/api/v1/admin/documents/{birth}/revocation", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await journeys.AsAsync("admin")).PostAsJsonAsync($"/api/v1/admin/documents/{birth}/revocation", new { reason = "信息有误，重新签发" })).StatusCode);
        var revoked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{birth}?code={code}");
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("信息有误，重新签发", revoked.GetProperty("revocationReason").GetString());
        Assert.Equal("revoked", (await UploadAsync(anonymous, pdf)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("/api/v1/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext did not start: apt-get install poppler-utils");
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The printed code (alphabet without 0, 1, I, O), not a piece of the document number (a GUID, also printed).</summary>
    [GeneratedRegex("(?<![0-9a-fA-F-])[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}(?![0-9a-fA-F-])")]
    private static partial Regex VerificationCode();
}
