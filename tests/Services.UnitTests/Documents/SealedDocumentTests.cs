using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using OneThing.Host.Documents;
using UglyToad.PdfPig;

namespace OneThing.UnitTests.Documents;

/// <summary>The issued documents, checked with the Debian PDF tools, PdfPig and our own verifier.</summary>
public sealed class SealedDocumentTests(DocumentFixture documents) : IClassFixture<DocumentFixture>
{
    public static TheoryData<string> Samples => ["birth", "notice"];

    [Fact]
    public void Pdftotext_returns_every_Chinese_string_of_the_birth_certificate_exactly()
    {
        var text = ExtractText(documents.BirthCertificate.Pdf);
        var model = SampleDocuments.BirthCertificate();
        string[] expected =
        [
            "出生医学证明（电子副本）", "新生儿出生一件事", "3717022026112900017K", "李秀英", "3717**********1231",
            "新生儿姓名", "王小明", "出生时间", "2026年11月20日 08时15分", "山东省菏泽市牡丹区", "接生机构", "菏泽市立医院",
            "菏泽市卫生健康委员会", "2026年11月29日", "7KQ4-MZ2D", "验证码", "D20261129-000123",
        ];
        Assert.All(expected, s => Assert.Contains(s, text));
        Assert.All(model.Table.Rows.SelectMany(r => r), cell => Assert.Contains(cell, text));
    }

    [Fact]
    public void Pdftotext_returns_every_matter_row_of_the_completion_notice_exactly()
    {
        var text = ExtractText(documents.CompletionNotice.Pdf);
        var model = SampleDocuments.CompletionNotice();
        Assert.All(model.Table.Rows.SelectMany(r => r), cell => Assert.Contains(cell, text));
        Assert.All(["办结通知书", "事项", "办理部门", "结果", "日期", "菏泽市政务服务中心", "2026年12月3日", "P3XW-9HTR"], s => Assert.Contains(s, text));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Pdfsig_reports_a_valid_signature_over_the_whole_document_by_the_department(string sample)
    {
        var (document, model) = Sample(sample);
        var output = Pdfsig(document.Pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", output);
        Assert.Contains("Total document signed", output);
        Assert.Contains($"Signer Certificate Common Name: {model.IssuerName}", output);
        Assert.Contains("Signature Type: adbe.pkcs7.detached", output);
        Assert.Contains("Signing Hash Algorithm: SHA-256", output);
        Assert.Single(output.Split('\n'), l => l.StartsWith("Signature #", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Qpdf_finds_no_error_or_warning_and_the_page_fits_the_budget(string sample)
    {
        var (document, _) = Sample(sample);
        using var file = DebianTools.Save(document.Pdf);
        var (exitCode, output) = DebianTools.Run("qpdf", "--check", file.Path);
        Assert.True(exitCode == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output);
        Assert.DoesNotContain("WARNING", output);
        Assert.Equal(1, document.PageCount);
        Assert.InRange(document.Pdf.Length, 10_000, 80 * 1024);
    }

    [Fact]
    public void Text_is_set_in_one_subset_embedded_TrueType_font_with_a_unicode_map()
    {
        using var file = DebianTools.Save(documents.BirthCertificate.Pdf);
        var (_, output) = DebianTools.Run("pdffonts", file.Path);
        var fonts = output.Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        var font = Assert.Single(fonts);
        Assert.Contains("CID TrueType", font);
        Assert.Matches(@"^[A-Z]{6}\+", font);
        Assert.Matches(@"yes\s+yes\s+yes", font);
    }

    [Fact]
    public void Flipping_one_signed_byte_makes_pdfsig_and_our_verifier_report_the_signature_invalid()
    {
        var pdf = documents.BirthCertificate.Pdf.ToArray();
        // A digit of the creation date in the document information: inside the first signed range, structure intact.
        var at = IndexOf(pdf, "/CreationDate(D:2") + "/CreationDate(D:".Length;
        Assert.True(at < SignedRange(pdf).Length1);
        pdf[at] = (byte)(pdf[at] == '2' ? '3' : '2');

        var output = Pdfsig(pdf);
        Assert.DoesNotContain("Signature is Valid", output);
        Assert.Contains("Digest Mismatch", output);

        var check = new PdfSignatureVerifier().Verify(pdf);
        Assert.False(check.IsValid);
        Assert.Contains("does not match the document", check.Failure);
    }

    [Fact]
    public void Verifier_accepts_the_document_and_names_the_signer_and_signing_time()
    {
        var check = new PdfSignatureVerifier([documents.Seals.Authority.Certificate]).Verify(documents.BirthCertificate.Pdf);
        Assert.True(check.IsValid, check.Failure);
        Assert.True(check.CoversWholeDocument);
        Assert.True(check.ChainTrusted);
        Assert.Equal("菏泽市卫生健康委员会", check.SignerName);
        Assert.NotNull(check.SigningTime);
        Assert.InRange(check.SigningTime.Value, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(documents.BirthCertificate.CertificateThumbprint, check.Signer!.GetCertHashString(HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Verifier_rejects_a_seal_from_an_authority_it_does_not_trust()
    {
        var stranger = SealAuthority.Create();
        var check = new PdfSignatureVerifier([stranger.Certificate]).Verify(documents.BirthCertificate.Pdf);
        Assert.False(check.IsValid);
        Assert.False(check.ChainTrusted);
        Assert.Equal("菏泽市卫生健康委员会", check.SignerName);
    }

    [Fact]
    public void Verifier_rejects_bytes_appended_after_the_signed_part()
    {
        var pdf = documents.BirthCertificate.Pdf.Concat("\n% appended\n"u8.ToArray()).ToArray();
        var check = new PdfSignatureVerifier().Verify(pdf);
        Assert.False(check.IsValid);
        Assert.False(check.CoversWholeDocument);
    }

    [Fact]
    public void Verifier_says_an_unsigned_file_has_no_signature()
    {
        using var rendered = documents.Renderer.Render(SampleDocuments.BirthCertificate());
        var check = new PdfSignatureVerifier().Verify(rendered.ToUnsignedPdf());
        Assert.False(check.IsValid);
        Assert.Contains("no signature", check.Failure);
    }

    [Fact]
    public void Signature_carries_signing_time_and_a_signing_certificate_v2_naming_the_seal_certificate()
    {
        var pdf = documents.BirthCertificate.Pdf;
        var (length1, start2, length2) = SignedRange(pdf);
        var contents = Convert.FromHexString(Encoding.ASCII.GetString(pdf, length1 + 1, start2 - length1 - 2));
        AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var blobLength);
        var cms = new SignedCms();
        cms.Decode(contents.AsSpan(0, blobLength));
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().ToDictionary(a => a.Oid.Value!);

        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        Assert.True(attributes.ContainsKey("1.2.840.113549.1.9.5"), "signing-time");
        var essHash = SealSignature.SigningCertificateHash(attributes[SealSignature.SigningCertificateV2Oid].Values[0].RawData);
        Assert.Equal(SHA256.HashData(signer.Certificate!.RawData), essHash);
        Assert.Equal(pdf.Length, start2 + length2);
    }

    [Fact]
    public async Task Issued_document_reports_the_digest_of_its_bytes_and_the_seal_thumbprint()
    {
        var document = documents.BirthCertificate;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document.Pdf)), document.Sha256);
        var seal = await documents.Seals.GetAsync("health");
        Assert.Equal(seal.Certificate.GetCertHashString(HashAlgorithmName.SHA256), document.CertificateThumbprint);
    }

    [Fact]
    public void The_seal_is_the_signature_widget_over_the_issuing_body_and_the_date()
    {
        using var pdf = PdfDocument.Open(documents.BirthCertificate.Pdf);
        var page = pdf.GetPage(1);
        var widget = Assert.Single(page.GetAnnotations());
        var area = widget.Rectangle;
        Assert.Equal(ResultDocumentRenderer.SealSize, area.Width, 0.5);
        Assert.Equal(ResultDocumentRenderer.SealSize, area.Height, 0.5);

        foreach (var text in new[] { "菏泽市卫生健康委员会", "2026年11月29日" })
        {
            var word = Assert.Single(page.GetWords(), w => w.Text == text);
            var centre = word.BoundingBox.Centroid;
            Assert.InRange(centre.X, area.Left, area.Right);
            Assert.InRange(centre.Y, area.Bottom, area.Top);
        }
    }

    [Fact]
    public async Task Issuing_refuses_a_seal_that_is_not_the_named_issuer()
    {
        var model = SampleDocuments.BirthCertificate() with { DepartmentCode = "police" };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => documents.Service.IssueAsync(model));
        Assert.Contains("菏泽市公安局", error.Message);
    }

    private (SealedDocument Document, ResultDocumentModel Model) Sample(string name) => name == "birth"
        ? (documents.BirthCertificate, SampleDocuments.BirthCertificate())
        : (documents.CompletionNotice, SampleDocuments.CompletionNotice());

    internal static string ExtractText(byte[] pdf)
    {
        using var file = DebianTools.Save(pdf);
        var (exitCode, output) = DebianTools.Run("pdftotext", "-layout", "-enc", "UTF-8", file.Path, "-");
        Assert.True(exitCode == 0, output);
        return output;
    }

    internal static string Pdfsig(byte[] pdf)
    {
        using var file = DebianTools.Save(pdf);
        return DebianTools.Run("pdfsig", file.Path).Output;
    }

    private static (int Length1, int Start2, int Length2) SignedRange(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var match = System.Text.RegularExpressions.Regex.Match(text, @"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]");
        Assert.True(match.Success, "no /ByteRange");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    private static int IndexOf(byte[] pdf, string text) => pdf.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));
}
