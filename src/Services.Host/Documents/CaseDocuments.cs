using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Model;
using OneThing.Host.Cases;
using OneThing.Host.Persistence;
using OneThing.Host.Privacy;

namespace OneThing.Host.Documents;

/// <summary>
/// Issues a case's result documents inside the workflow's unit of work: one sealed by the department for each
/// approved matter, and the completion notice (办结通知书) sealed by the one-stop service centre. The document
/// id is derived from the issuing step, so a step run again after a crash issues the same document once.
/// </summary>
public sealed class CaseDocuments(AppDbContext db, DocumentService documents, IOptions<DocumentOptions> options, NationalSeal.NationalSealService? national = null)
{
    public const string ServiceCentre = "service-center";

    public async Task<ResultDocumentRecord> IssueForMatterAsync(Case @case, CaseMatter matter, string stepKey, DateTimeOffset now)
    {
        var department = Department(matter.DepartmentCode);
        var rows = new List<(string, string)>
        {
            ("事项 Matter", matter.Name),
            ("办理部门 Department", department.Name),
            ("办理结果 Result", "准予办理 Approved"),
            ("办结日期 Date", WorkingDayCalendar.LocalDate(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (matter.LicenceId is { } licence)
        {
            rows.Add(("电子证照 E-licence", licence));
        }

        return await IssueAsync(@case, matter.Code, $"{matter.Name}（办理结果）", department, Documents.ResultTable.Fields(rows), stepKey, now);
    }

    public Task<ResultDocumentRecord> IssueCompletionNoticeAsync(Case @case, string stepKey, DateTimeOffset now)
    {
        var outcomes = @case.Matters.Where(m => !m.IsAcceptance).OrderBy(m => m.Position).Select(m => new MatterOutcome(
            m.Name,
            Department(m.DepartmentCode).Name,
            m.Status switch { MatterStatus.Approved => "准予办理", MatterStatus.Rejected => "不予办理", MatterStatus.Revoked => "已撤销", _ => "已取消" },
            WorkingDayCalendar.LocalDate(m.DecidedAt ?? now)));
        return IssueAsync(@case, null, "办结通知书", Department(ServiceCentre), Documents.ResultTable.Matters(outcomes), stepKey, now);
    }

    private async Task<ResultDocumentRecord> IssueAsync(Case @case, string? matter, string title, Department issuer, ResultTable table, string stepKey, DateTimeOffset now)
    {
        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{stepKey}/document")).AsSpan(0, 16));
        if (await db.Set<ResultDocumentRecord>().FindAsync(id) is { } existing)
        {
            return existing;
        }

        var code = VerificationCodes.New();
        var sealedDocument = await documents.IssueAsync(new ResultDocumentModel(
            id.ToString(), code, title, @case.Number, @case.SubjectName, Masking.Subject(@case.SubjectIdNumber), table,
            WorkingDayCalendar.LocalDate(now), issuer.Name, issuer.Code, @case.JourneyName, options.Value.PublicBaseUrl));
        var record = new ResultDocumentRecord
        {
            Id = id,
            CaseId = @case.Id,
            CaseNumber = @case.Number,
            MatterCode = matter,
            Title = title,
            DepartmentCode = issuer.Code,
            IssuerName = issuer.Name,
            JourneyCode = @case.JourneyCode,
            JourneyName = @case.JourneyName,
            VerificationCodeHash = HashCode(code),
            Sha256 = sealedDocument.Sha256,
            Pdf = sealedDocument.Pdf,
            PageCount = sealedDocument.PageCount,
            CertificateThumbprint = sealedDocument.CertificateThumbprint,
            NationalSignature = national?.Sign(issuer.Code, issuer.Name, id.ToString(), sealedDocument.Pdf),
            IssuedAt = now,
        };
        db.Set<ResultDocumentRecord>().Add(record);
        return record;
    }

    public static string HashCode(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));

    private static Department Department(string code) => DepartmentSeeder.Catalogue.Single(d => d.Code == code);
}
