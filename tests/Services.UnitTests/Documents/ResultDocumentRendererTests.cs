using System.Globalization;
using OneThing.Host.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace OneThing.UnitTests.Documents;

public sealed class ResultDocumentRendererTests(DocumentFixture documents) : IClassFixture<DocumentFixture>
{
    [Fact]
    public void A_full_ID_number_is_refused()
    {
        var model = SampleDocuments.BirthCertificate() with { ApplicantIdMasked = "371702199003071231" };
        var error = Assert.Throws<ArgumentException>(() => documents.Renderer.Render(model));
        Assert.Contains("masked", error.Message);
    }

    [Fact]
    public void Verification_URL_joins_base_document_and_code()
    {
        Assert.Equal("https://onething.heze.example/api/v1/verify/D20261203-000456?code=P3XW-9HTR", SampleDocuments.CompletionNotice().VerificationUrl);
    }

    [Fact]
    public void Verification_codes_are_short_unambiguous_and_random()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => VerificationCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public async Task A_long_table_continues_on_a_second_page_and_the_seal_signs_the_last()
    {
        var rows = Enumerable.Range(1, 30).Select(i => ($"事项{i:D2}", $"第{i}项办理结果：已办结")).ToArray();
        var model = SampleDocuments.BirthCertificate() with { Table = ResultTable.Fields(rows) };

        var document = await documents.Service.IssueAsync(model);

        Assert.Equal(2, document.PageCount);
        var text = SealedDocumentTests.ExtractText(document.Pdf);
        Assert.Contains("第1项办理结果：已办结", text);
        Assert.Contains("第30项办理结果：已办结", text);
        Assert.Contains("第 2 页 共 2 页", text);
        Assert.Contains("Signature is Valid", SealedDocumentTests.Pdfsig(document.Pdf));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(document.Pdf);
        Assert.Empty(pdf.GetPage(1).GetAnnotations());
        Assert.Single(pdf.GetPage(2).GetAnnotations());
        using var file = DebianTools.Save(document.Pdf);
        Assert.Equal(0, DebianTools.Run("qpdf", "--check", file.Path).ExitCode);
    }

    [Fact]
    public async Task An_existing_PDF_can_be_sealed_from_its_bytes()
    {
        using var rendered = documents.Renderer.Render(SampleDocuments.BirthCertificate());
        var unsigned = rendered.ToUnsignedPdf();
        Assert.DoesNotContain("Signature #", SealedDocumentTests.Pdfsig(unsigned));

        var seal = await documents.Seals.GetAsync("health");
        var sealedPdf = await new PdfSealer().SealAsync(unsigned, rendered.Seal, seal);

        var output = SealedDocumentTests.Pdfsig(sealedPdf.Pdf);
        Assert.Contains("Signature is Valid", output);
        Assert.Contains("Total document signed", output);
        using var file = DebianTools.Save(sealedPdf.Pdf);
        var (exitCode, check) = DebianTools.Run("qpdf", "--check", file.Path);
        Assert.True(exitCode == 0, check);
    }

    [Fact]
    public void QR_code_modules_are_drawn_where_the_code_has_dark_modules()
    {
        var url = SampleDocuments.BirthCertificate().VerificationUrl;
        const double origin = 36, size = 288; // points; at 144 dpi the box is 576 px from (72, 72)
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            QrCodeGraphic.Draw(gfx, new XRect(origin, origin, size, size), url);
        }

        using var file = DebianTools.Save(PdfFiles.Save(document));
        var prefix = Path.Combine(Path.GetTempPath(), $"onething-qr-{Guid.NewGuid():N}");
        var (exitCode, output) = DebianTools.Run("pdftoppm", "-r", "144", "-gray", "-singlefile", "-x", "72", "-y", "72", "-W", "576", "-H", "576", file.Path, prefix);
        Assert.True(exitCode == 0, output);
        var (width, pixels) = ReadPgm(prefix + ".pgm");
        File.Delete(prefix + ".pgm");

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var count = data.ModuleMatrix.Count;
        var module = 576.0 / count;
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                var x = (int)((column + 0.5) * module);
                var y = (int)((row + 0.5) * module);
                var dark = pixels[y * width + x] < 128;
                Assert.True(dark == data.ModuleMatrix[row][column], $"module ({row}, {column}) should be {(data.ModuleMatrix[row][column] ? "dark" : "light")}");
            }
        }
    }

    private static (int Width, byte[] Pixels) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }

        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        return (width, bytes[(position + 1)..(position + 1 + width * height)]);
    }
}
