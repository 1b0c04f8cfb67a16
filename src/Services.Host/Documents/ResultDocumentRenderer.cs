using System.Globalization;
using OneThing.Host.Cases.Identifiers;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OneThing.Host.Documents;

/// <summary>
/// Lays out a result document on A4 for print: header, title, case number, applicant with the masked ID number,
/// the table, the issuing body and date (where the seal goes), a QR code to the verification URL and the short
/// verification code, and a footer. Every text is set in the subset-embedded CJK font, so it extracts exactly.
/// </summary>
/// <remarks>
/// The seal is not drawn here: <see cref="PdfSealer"/> draws it as the appearance of the signature, so a copy
/// without a valid signature shows no seal. Long tables continue on further pages; the seal is on the last.
/// </remarks>
public sealed class ResultDocumentRenderer
{
    /// <summary>Diameter of the seal: 42 mm, the size of a government body's seal.</summary>
    public const double SealSize = 42 / 25.4 * 72;

    private const double PageWidth = 210 / 25.4 * 72;
    private const double PageHeight = 297 / 25.4 * 72;
    private const double Margin = 20 / 25.4 * 72;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double FooterTop = PageHeight - Margin - 22;
    private const double IssueBlockHeight = 136;
    private const double CellPadding = 6;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XColor Grey = XColor.FromArgb(90, 90, 90);
    private static readonly XColor RuleRed = XColor.FromArgb(200, 16, 46);
    private static readonly XSolidBrush GreyBrush = new(Grey);
    private static readonly XSolidBrush LabelFill = new(XColor.FromArgb(244, 244, 244));
    private static readonly XPen CellBorder = new(XColor.FromArgb(120, 120, 120), 0.6);

    /// <param name="fonts">The installed CJK font resolver (<see cref="CjkFontResolver.Install"/>).</param>
    public ResultDocumentRenderer(CjkFontResolver fonts) => ArgumentNullException.ThrowIfNull(fonts);

    /// <summary>Lays out the document, unsigned, in memory (seal it with <see cref="PdfSealer"/>).</summary>
    /// <exception cref="ArgumentException">The model is incomplete, or carries an unmasked ID number.</exception>
    public RenderedDocument Render(ResultDocumentModel model)
    {
        Check(model);
        var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Author = model.IssuerName;
        document.Info.Subject = $"{model.JourneyName} {model.CaseNumber}";
        document.Info.Creator = "OneThing 一件事一次办";
        document.Options.CompressContentStreams = true;

        try
        {
            var layout = new Layout(document, model);
            layout.TitleBlock();
            layout.Table(model.Table);
            var seal = layout.IssueBlock();
            layout.Footers();
            return new RenderedDocument(document, seal);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static void Check(ResultDocumentModel model)
    {
        foreach (var (value, name) in new[]
        {
            (model.DocumentId, nameof(model.DocumentId)), (model.VerificationCode, nameof(model.VerificationCode)),
            (model.Title, nameof(model.Title)), (model.CaseNumber, nameof(model.CaseNumber)),
            (model.ApplicantName, nameof(model.ApplicantName)), (model.ApplicantIdMasked, nameof(model.ApplicantIdMasked)),
            (model.IssuerName, nameof(model.IssuerName)), (model.DepartmentCode, nameof(model.DepartmentCode)),
            (model.JourneyName, nameof(model.JourneyName)), (model.VerificationBaseUrl, nameof(model.VerificationBaseUrl)),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} is required.", nameof(model));
            }
        }

        // A document leaves the system: it must never carry a full ID number (D8).
        if (ResidentIdNumber.TryParse(model.ApplicantIdMasked, DateOnly.MaxValue, out _, out _))
        {
            throw new ArgumentException("ApplicantIdMasked is a full ID number; pass the masked form (ResidentIdNumber.Mask).", nameof(model));
        }

        if (!Uri.TryCreate(model.VerificationBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"VerificationBaseUrl '{model.VerificationBaseUrl}' is not an absolute http(s) address.", nameof(model));
        }

        model.Table.Validate();
    }

    /// <summary>The running state of one rendering: the current page, its graphics and the pen position.</summary>
    private sealed class Layout
    {
        private readonly PdfDocument document;
        private readonly ResultDocumentModel model;
        private readonly XFont small = Font(8);
        private readonly XFont label = Font(9.5);
        private readonly XFont body = Font(11);
        private readonly XFont bodyBold = Font(11, bold: true);
        private XGraphics gfx;
        private double y;

        public Layout(PdfDocument document, ResultDocumentModel model)
        {
            this.document = document;
            this.model = model;
            gfx = NewPage();
        }

        public void TitleBlock()
        {
            var title = Font(20, bold: true);
            foreach (var line in TextLines.Wrap(gfx, model.Title, title, ContentWidth))
            {
                gfx.DrawString(line, title, XBrushes.Black, new XRect(Margin, y, ContentWidth, 30), XStringFormats.Center);
                y += 30;
            }

            y += 14;
            Field("办件编号 Case No.：", model.CaseNumber, Margin);
            y += 20;
            Field("申请人 Applicant：", model.ApplicantName, Margin);
            Field("身份证件号码 ID No.：", model.ApplicantIdMasked, Margin + ContentWidth * 0.45);
            y += 30;
        }

        public void Table(ResultTable table)
        {
            var total = table.Widths.Sum();
            var widths = table.Widths.Select(w => w / total * ContentWidth).ToArray();
            var labels = table.Columns.Count == 0;
            if (!labels)
            {
                Row(table.Columns, widths, bodyBold, header: true, shadeFirst: false);
            }

            foreach (var row in table.Rows)
            {
                Row(row, widths, body, header: false, shadeFirst: labels);
            }

            void Row(IReadOnlyList<string> cells, double[] columnWidths, XFont font, bool header, bool shadeFirst)
            {
                var lineHeight = font.Size * 1.5;
                var lines = cells.Select((c, i) => TextLines.Wrap(gfx, c, font, columnWidths[i] - 2 * CellPadding)).ToList();
                var height = lines.Max(l => l.Count) * lineHeight + 2 * CellPadding;
                if (y + height > FooterTop - 12)
                {
                    gfx.Dispose();
                    gfx = NewPage();
                    if (!header && !labels)
                    {
                        Row(table.Columns, widths, bodyBold, header: true, shadeFirst: false);
                    }
                }

                var x = Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    var cell = new XRect(x, y, columnWidths[i], height);
                    if (header || (shadeFirst && i == 0))
                    {
                        gfx.DrawRectangle(LabelFill, cell);
                    }

                    gfx.DrawRectangle(CellBorder, cell);
                    var top = y + CellPadding;
                    foreach (var line in lines[i])
                    {
                        gfx.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, top, columnWidths[i] - 2 * CellPadding, lineHeight), XStringFormats.CenterLeft);
                        top += lineHeight;
                    }

                    x += columnWidths[i];
                }

                y += height;
            }
        }

        /// <summary>QR code and verification code on the left, the issuing body and date on the right.</summary>
        public SealPlacement IssueBlock()
        {
            y += 28;
            if (y + IssueBlockHeight > FooterTop - 8)
            {
                gfx.Dispose();
                gfx = NewPage();
            }

            var top = y;
            const double qrSize = 96;
            QrCodeGraphic.Draw(gfx, new XRect(Margin - 6, top, qrSize, qrSize), model.VerificationUrl);

            var issuerCenter = PageWidth - Margin - SealSize / 2 - 16;
            var textX = Margin + qrSize;
            var textWidth = issuerCenter - SealSize / 2 - 8 - textX;
            var line = top + 6;
            gfx.DrawString("验证码 Verification code", label, GreyBrush, textX, line + 9);
            line += 16;
            gfx.DrawString(model.VerificationCode, Font(15, bold: true), XBrushes.Black, textX, line + 15);
            line += 26;
            foreach (var text in new[]
            {
                "扫描二维码，或在核验页面输入验证码，核验本文书真伪及是否有效。",
                "Scan the QR code, or enter the code on the verification page, to check that this document is genuine and valid.",
                $"{model.VerificationBaseUrl.TrimEnd('/')}/api/v1/verify",
            })
            {
                foreach (var wrapped in TextLines.Wrap(gfx, text, small, textWidth))
                {
                    gfx.DrawString(wrapped, small, GreyBrush, textX, line + 8);
                    line += 11;
                }
            }

            var nameFont = Font(13);
            var nameTop = top + 40;
            gfx.DrawString(model.IssuerName, nameFont, XBrushes.Black, new XRect(issuerCenter - 120, nameTop, 240, 18), XStringFormats.Center);
            gfx.DrawString(ChineseDate(model.IssuedOn), Font(12), XBrushes.Black, new XRect(issuerCenter - 120, nameTop + 24, 240, 18), XStringFormats.Center);
            gfx.Dispose();

            // The seal covers the name and the date (骑年盖月), centred between them.
            var sealCenterY = nameTop + 21;
            var area = new XRect(issuerCenter - SealSize / 2, PageHeight - (sealCenterY + SealSize / 2), SealSize, SealSize);
            return new SealPlacement(document.PageCount - 1, area);
        }

        public void Footers()
        {
            for (var i = 0; i < document.PageCount; i++)
            {
                using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                footer.DrawLine(CellBorder, Margin, FooterTop, PageWidth - Margin, FooterTop);
                footer.DrawString("电子文书，经签发机关电子印章数字签名；打印件可凭二维码或验证码核验。", small, GreyBrush, Margin, FooterTop + 11);
                footer.DrawString("Electronic document digitally signed with the issuing body's e-seal; check printed copies by QR code or verification code.", Font(7), GreyBrush, Margin, FooterTop + 21);
                footer.DrawString($"第 {i + 1} 页 共 {document.PageCount} 页", small, GreyBrush, new XRect(Margin, FooterTop + 3, ContentWidth, 10), XStringFormats.CenterRight);
            }
        }

        private XGraphics NewPage()
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawString(model.JourneyName, label, GreyBrush, Margin, Margin + 8);
            graphics.DrawString($"文书编号 No. {model.DocumentId}", small, GreyBrush, new XRect(Margin, Margin, ContentWidth, 10), XStringFormats.CenterRight);
            graphics.DrawLine(new XPen(RuleRed, 1.2), Margin, Margin + 16, PageWidth - Margin, Margin + 16);
            y = Margin + 30;
            return graphics;
        }

        private void Field(string name, string value, double x)
        {
            gfx.DrawString(name, label, GreyBrush, x, y + 11);
            gfx.DrawString(value, body, XBrushes.Black, x + gfx.MeasureString(name, label).Width + 2, y + 11);
        }

        private static XFont Font(double size, bool bold = false) =>
            new(CjkFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

        private static string ChineseDate(DateOnly date) =>
            string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
    }
}
