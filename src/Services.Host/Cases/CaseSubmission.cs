using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Auditing;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Cases.Identifiers;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Cases.Model;
using OneThing.Host.Hosting;
using OneThing.Host.Persistence;
using OneThing.Host.Protection;
using OneThing.Host.Privacy;
using OneThing.Integrations.Licences;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Cases;

/// <summary>What an applicant (or a window clerk for them) submits: one form and one set of materials.</summary>
public sealed record SubmitCaseRequest(
    string? Journey,
    JsonObject? Form,
    List<MaterialUpload>? Materials,
    CaseSubjectInput? OnBehalfOf,
    AuthorisationEvidence? Authorisation);

/// <summary>A file the applicant provides, base64-encoded.</summary>
public sealed record MaterialUpload(string? Code, string? FileName, string? MediaType, string? Content);

/// <summary>The person a window clerk files for (帮办代办).</summary>
public sealed record CaseSubjectInput(string? IdNumber, string? Name, string? Phone);

/// <summary>Why the actor may act for the subject: a power of attorney, an in-person identity check, an employer's authorisation.</summary>
public sealed record AuthorisationEvidence(string? Kind, string? Reference, string? Description);

/// <summary>
/// Turns a submission into a case: checks the whole form and every material at once, pulls the e-licences
/// (with the holder's consent when they are someone else's), numbers the case and starts its workflow —
/// one transaction. A repeated <c>Idempotency-Key</c> returns the case the first request created.
/// </summary>
public sealed class CaseSubmission(
    AppDbContext db,
    JourneyCatalogue journeys,
    WorkflowRuntime runtime,
    ILicenceLibrary licences,
    FormValidator validator,
    AuditTrail trail,
    TimeProvider time)
{
    public static readonly string[] AuthorisationKinds = ["power-of-attorney", "in-person-identity-check", "employer-authorisation", "guardian"];

    private const long MaxTotalBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The body limit of a submission or correction: the materials travel base64-encoded inside the JSON (4/3 of
    /// <see cref="MaxTotalBytes"/>) next to the form, so the host's 1 MiB default would refuse them.
    /// </summary>
    public const long MaxRequestBytes = MaxTotalBytes / 3 * 4 + 1024 * 1024;

    /// <returns>The case and whether this request created it (false: a repeat of an earlier request).</returns>
    public async Task<(Case Case, bool Created)> SubmitAsync(Caller caller, string? idempotencyKey, SubmitCaseRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
        {
            throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("Idempotency-Key", "idempotency_key_required", "Send an Idempotency-Key header (1–100 characters) so a repeated submission creates no second case.", "请求头须包含 Idempotency-Key（1–100 个字符），以免重复提交产生第二个办件。")]);
        }

        var hash = RequestHash(request);
        if (await db.Cases.Include(c => c.Matters).SingleOrDefaultAsync(c => c.SubmittedBy == caller.UserId && c.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier.RequestHash == hash ? (earlier, false)
                : throw KeyReused();
        }

        var journey = await journeys.GetAsync(request.Journey ?? string.Empty, cancellationToken)
            ?? throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("#/journey", "unknown_journey", $"There is no journey '{request.Journey}'.", $"没有名为“{request.Journey}”的一件事。")]);

        var form = request.Form ?? [];
        var errors = new List<FieldError>();
        var subject = Subject(caller, journey, form, request, errors);
        errors.AddRange(validator.Validate(journey.CompiledForm, form));
        var uploads = CheckUploads(journey, request.Materials ?? [], errors, requireAll: true);
        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        if (subject.ActingAs == "window-clerk")
        {
            // The case shows in the applicant's own list when they have an account.
            var idHash = db.Protector.HashOrNull(subject.GranteeIdNumber);
            var owner = await db.Users.AsNoTracking().Where(u => EF.Property<string>(u, PersonalDataColumns.UserIdNumberHash) == idHash)
                .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            subject = subject with { OwnerUserId = owner };
        }

        var now = time.GetUtcNow();
        var region = RegionOf(caller, subject);
        var number = await CaseNumbers.NextAsync(db, region, WorkingDayCalendarDate(now), cancellationToken);
        var pulled = await PullLicencesAsync(caller, journey, form, subject, number, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            JourneyCode = journey.Code,
            JourneyVersion = journey.Version,
            JourneyName = journey.Name,
            Status = CaseStatus.Submitted,
            OwnerUserId = subject.OwnerUserId,
            SubjectKind = subject.Kind,
            SubjectIdNumber = subject.IdNumber,
            SubjectName = subject.Name,
            SubmittedBy = caller.UserId,
            SubmittedByName = caller.Name,
            ActingAs = subject.ActingAs,
            Authorisation = request.Authorisation is { } evidence ? JsonSerializer.Serialize(evidence, JsonSerializerOptions.Web) : null,
            RegionCode = region,
            Form = form.ToJsonString(),
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            InstanceId = Guid.CreateVersion7(),
            PromisedDays = journey.PromisedDays,
            StatutoryDays = journey.StatutoryDays,
            SubmittedAt = now,
        };
        @case.Matters.AddRange(journey.Matters.Select((m, i) => new CaseMatter
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            Code = m.Code,
            Name = m.Name,
            NameEn = m.NameEn,
            DepartmentCode = m.Department,
            IsAcceptance = m.IsAcceptance,
            Position = i,
            Status = MatterStatus.Waiting,
            PromisedDays = m.PromisedDays,
            StatutoryDays = m.StatutoryDays,
        }));
        db.Cases.Add(@case);
        db.AddEvent(@case, now, CaseEventKinds.Submitted, caller.UserId, caller.Name,
            detail: subject.ActingAs is null ? null : $"{subject.ActingAs}: {request.Authorisation?.Kind} {request.Authorisation?.Reference}",
            onBehalfOf: subject.ActingAs is null ? null : $"{subject.Name}（{Masking.Subject(subject.IdNumber)}）");

        var licencesInput = new JsonObject();
        foreach (var (material, pull) in pulled)
        {
            var licence = pull.Result.Licence!;
            db.CaseMaterials.Add(new CaseMaterial
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                Code = material.Code,
                Name = material.Name,
                Source = MaterialSource.Licence,
                LicenceId = licence.Id,
                LicenceType = licence.Type,
                HolderIdNumber = licence.HolderId,
                HolderName = licence.HolderName,
                PullId = pull.Result.PullId,
                ConsentId = pull.ConsentId,
                Sha256 = licence.Sha256,
                AddedAt = now,
            });
            db.AddEvent(@case, now, CaseEventKinds.LicencePulled, caller.UserId, caller.Name, detail:
                $"{material.Name} {licence.Id}（{licence.IssuerName}）{(pull.ConsentId is { } consent ? $" consent {consent}" : string.Empty)}");
            licencesInput[material.Code] = new JsonObject
            {
                ["id"] = licence.Id,
                ["type"] = licence.Type,
                ["holderId"] = licence.HolderId,
                ["holderName"] = licence.HolderName,
                ["data"] = licence.Data.DeepClone(),
            };
        }

        AddUploads(db, @case, uploads, now, replaceSameCode: false);

        var input = new JsonObject
        {
            ["caseNumber"] = number,
            ["journey"] = journey.Code,
            ["applicant"] = new JsonObject
            {
                ["userId"] = subject.OwnerUserId,
                ["name"] = subject.Name,
                ["idNumber"] = subject.IdNumber,
                ["kind"] = subject.Kind == SubjectKind.Organisation ? "organisation" : "person",
            },
            ["agent"] = subject.ActingAs is null ? null : new JsonObject { ["userId"] = caller.UserId, ["name"] = caller.Name, ["as"] = subject.ActingAs },
            ["form"] = form.DeepClone(),
            ["licences"] = licencesInput,
        };

        try
        {
            await runtime.StartAsync(journey.Code, input, caller.UserId, number, cancellationToken, @case.InstanceId);
        }
        catch (DbUpdateException)
        {
            // The same request raced itself: the first one created the case.
            var raced = await RepeatAsync(caller.UserId, idempotencyKey, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return raced.RequestHash == hash ? (raced, false)
                : throw KeyReused();
        }

        return (@case, true);
    }

    private async Task<Case?> RepeatAsync(string userId, string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Cases.Include(c => c.Matters).AsNoTracking().SingleOrDefaultAsync(c => c.SubmittedBy == userId && c.IdempotencyKey == key, cancellationToken);
    }

    private sealed record SubjectInfo(SubjectKind Kind, string IdNumber, string Name, string? OwnerUserId, string? ActingAs, string? GranteeIdNumber);

    /// <summary>Who the case is for and who acts: the applicant themself, a window clerk for a person, or an organisation's agent.</summary>
    private SubjectInfo Subject(Caller caller, Journey journey, JsonObject form, SubmitCaseRequest request, List<FieldError> errors)
    {
        if (caller.IsWindowClerk)
        {
            var person = request.OnBehalfOf;
            ResidentIdNumber? id = null;
            IdentifierError? idError = null;
            if (person is null || !ResidentIdNumber.TryParse(person.IdNumber, Calendar.WorkingDayCalendar.LocalDate(time.GetUtcNow()), out id, out idError))
            {
                errors.Add(person?.IdNumber is null
                    ? new FieldError("#/onBehalfOf/idNumber", "required", "A window clerk files for a person: give their ID number.", "窗口代办须填写申请人身份证号码。")
                    : new FieldError("#/onBehalfOf/idNumber", "invalid_id_number", $"The applicant's ID number: {idError!.Message}", $"申请人身份证号码：{idError.MessageZh}"));
            }

            if (string.IsNullOrWhiteSpace(person?.Name) || person.Name.Length > 50)
            {
                errors.Add(new FieldError("#/onBehalfOf/name", "required", "Give the applicant's name (at most 50 characters).", "请填写申请人姓名（不超过 50 个字）。"));
            }

            RequireAuthorisation(request.Authorisation, errors);
            // The owner (the applicant's own account, if they have one) is looked up once the input is valid.
            var idNumber = id?.Value ?? string.Empty;
            return Organisation(journey, form, out var organisation)
                ? organisation with { ActingAs = "window-clerk", GranteeIdNumber = idNumber }
                : new SubjectInfo(SubjectKind.Person, idNumber, person?.Name ?? string.Empty, null, "window-clerk", idNumber);
        }

        if (request.OnBehalfOf is not null)
        {
            errors.Add(new FieldError("#/onBehalfOf", "not_allowed", "Only window clerks file on behalf of someone else.", "只有窗口工作人员可以代他人申请。"));
        }

        if (caller.IdNumber is null)
        {
            throw new ProblemException(Problems.Forbidden, "Your account has no verified ID number; complete real-name verification first.", "您的账户尚未完成实名认证，无法申请。");
        }

        if (Organisation(journey, form, out var company))
        {
            RequireAuthorisation(request.Authorisation, errors);
            return company with { OwnerUserId = caller.UserId, ActingAs = "agent", GranteeIdNumber = caller.IdNumber };
        }

        return new SubjectInfo(SubjectKind.Person, caller.IdNumber, caller.Name, caller.UserId, null, caller.IdNumber);
    }

    /// <summary>For organisation journeys the subject is the organisation named in the form (<c>journey.subject</c> pointers).</summary>
    private static bool Organisation(Journey journey, JsonObject form, out SubjectInfo subject)
    {
        subject = null!;
        if (journey.ApplicantKind != SubjectKind.Organisation)
        {
            return false;
        }

        var code = FormPointer.Get(form, journey.SubjectIdPointer) is JsonValue c && c.TryGetValue<string>(out var codeText) ? codeText : string.Empty;
        var name = FormPointer.Get(form, journey.SubjectNamePointer) is JsonValue n && n.TryGetValue<string>(out var nameText) ? nameText : string.Empty;
        subject = new SubjectInfo(SubjectKind.Organisation, code.ToUpperInvariant(), name, null, null, null);
        return true;
    }

    private static void RequireAuthorisation(AuthorisationEvidence? evidence, List<FieldError> errors)
    {
        if (evidence is null || string.IsNullOrWhiteSpace(evidence.Kind) || !AuthorisationKinds.Contains(evidence.Kind))
        {
            errors.Add(new FieldError("#/authorisation/kind", "required",
                $"Acting for someone else needs authorisation evidence: kind is one of {string.Join(", ", AuthorisationKinds)}.",
                "代为申请须提供授权依据（授权委托书、现场核验身份、单位授权或监护关系）。"));
        }

        if (string.IsNullOrWhiteSpace(evidence?.Reference) || evidence.Reference.Length > 100)
        {
            errors.Add(new FieldError("#/authorisation/reference", "required", "Give the evidence's reference (document number), at most 100 characters.", "请填写授权依据的编号（不超过 100 个字符）。"));
        }

        if (evidence?.Description is { Length: > 500 })
        {
            errors.Add(new FieldError("#/authorisation/description", "too_long", "The description is at most 500 characters.", "说明不能超过 500 个字。"));
        }
    }

    /// <summary>A checked upload: the material it provides and its decoded content.</summary>
    public sealed record CheckedUpload(JourneyMaterial Material, MaterialUpload Upload, byte[] Content);

    /// <summary>Checks uploaded files against the journey's applicant-provided materials (type, size, name, base64).</summary>
    public static List<CheckedUpload> CheckUploads(Journey journey, List<MaterialUpload> uploads, List<FieldError> errors, bool requireAll)
    {
        var accepted = new List<CheckedUpload>();
        long total = 0;
        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            var material = journey.Materials.FirstOrDefault(m => !m.IsLicence && m.Code == upload.Code);
            if (material is null)
            {
                errors.Add(new FieldError($"#/materials/{i}/code", "unknown_material", $"'{upload.Code}' is not a material this journey takes from the applicant.", $"“{upload.Code}”不是本事项需要申请人提供的材料。"));
                continue;
            }

            if (material.MediaTypes is { Count: > 0 } types && !types.Contains(upload.MediaType ?? string.Empty))
            {
                errors.Add(new FieldError($"#/materials/{i}/mediaType", "media_type", $"{material.NameEn ?? material.Code}: the file must be one of {string.Join(", ", types)}.", $"{material.Name}：文件类型须为 {string.Join("、", types)}。"));
            }

            if (string.IsNullOrWhiteSpace(upload.FileName) || upload.FileName.Length > 255 || upload.FileName.IndexOfAny(['/', '\\', '\0']) >= 0)
            {
                errors.Add(new FieldError($"#/materials/{i}/fileName", "file_name", "Give a file name without path characters, at most 255 characters.", "请提供文件名（不含路径字符，不超过 255 个字符）。"));
            }

            var content = Base64(upload.Content);
            if (content is null || content.Length == 0)
            {
                errors.Add(new FieldError($"#/materials/{i}/content", "content", "The content must be non-empty base64.", "文件内容须为非空的 base64 编码。"));
                continue;
            }

            total += content.Length;
            if (content.Length > (material.MaxBytes ?? 2 * 1024 * 1024) || total > MaxTotalBytes)
            {
                errors.Add(new FieldError($"#/materials/{i}/content", "too_large", $"{material.NameEn ?? material.Code}: the file is larger than {(material.MaxBytes ?? 2 * 1024 * 1024) / 1024} KiB.", $"{material.Name}：文件超过 {(material.MaxBytes ?? 2 * 1024 * 1024) / 1024} KB。"));
                continue;
            }

            accepted.Add(new CheckedUpload(material, upload, content));
        }

        foreach (var missing in journey.Materials.Where(m => requireAll && !m.IsLicence && m.Required && uploads.All(u => u.Code != m.Code)))
        {
            errors.Add(new FieldError($"#/materials", "material_required", $"{missing.NameEn ?? missing.Code} is required.", $"缺少材料：{missing.Name}。"));
        }

        return accepted;
    }

    /// <summary>Stores checked uploads as materials of the case; a correction's file replaces the earlier one of the same material.</summary>
    public static void AddUploads(AppDbContext db, Case @case, IEnumerable<CheckedUpload> uploads, DateTimeOffset now, bool replaceSameCode)
    {
        foreach (var (material, upload, content) in uploads)
        {
            if (replaceSameCode)
            {
                foreach (var earlier in db.CaseMaterials.Where(m => m.CaseId == @case.Id && m.Code == material.Code && !m.Superseded))
                {
                    earlier.Superseded = true;
                }
            }

            db.CaseMaterials.Add(new CaseMaterial
            {
                Id = Guid.CreateVersion7(),
                CaseId = @case.Id,
                Code = material.Code,
                Name = material.Name,
                Source = MaterialSource.Applicant,
                FileName = upload.FileName,
                MediaType = upload.MediaType,
                Content = content,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                AddedAt = now,
            });
        }
    }

    private static byte[]? Base64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var buffer = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private sealed record Pull(LicencePullResult Result, Guid? ConsentId);

    /// <summary>
    /// Pulls every licence material by its holder (a form field). Someone else's licence needs that person's
    /// consent, given from their own account; a revoked, expired or missing licence is refused naming it.
    /// </summary>
    private async Task<List<(JourneyMaterial, Pull)>> PullLicencesAsync(
        Caller caller, Journey journey, JsonObject form, SubjectInfo subject, string caseNumber, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var pulled = new List<(JourneyMaterial, Pull)>();
        var now = time.GetUtcNow();
        foreach (var material in journey.Materials.Where(m => m.IsLicence))
        {
            var pointer = material.Holder ?? string.Empty;
            var holder = (FormPointer.Get(form, pointer) as JsonValue)?.GetValue<string>()?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(holder))
            {
                if (material.Required)
                {
                    errors.Add(new FieldError($"#/form{pointer}", "required", $"{material.NameEn ?? material.Code}: the holder's number is missing.", $"{material.Name}：缺少持证人证件号码。"));
                }

                continue;
            }

            Guid? consentId = null;
            var someoneElse = holder != subject.IdNumber && holder != subject.GranteeIdNumber && holder != caller.IdNumber;
            if (material.Consent == "holder" && someoneElse)
            {
                var grantee = subject.GranteeIdNumber ?? caller.IdNumber ?? string.Empty;
                var (holderHash, granteeHash) = (db.Protector.Hash(holder), db.Protector.Hash(grantee));
                var consents = await db.LicenceConsents.AsNoTracking()
                    .Where(c => EF.Property<string>(c, PersonalDataColumns.ConsentGrantorIdHash) == holderHash
                        && EF.Property<string>(c, PersonalDataColumns.ConsentGranteeIdHash) == granteeHash
                        && c.JourneyCode == journey.Code && c.RevokedAt == null)
                    .ToListAsync(cancellationToken);
                var consent = consents.FirstOrDefault(c => c.ExpiresAt > now && JsonSerializer.Deserialize<List<string>>(c.LicenceTypes)!.Contains(material.LicenceType!));
                if (consent is null)
                {
                    errors.Add(new FieldError($"#/form{pointer}", "consent_required",
                        $"{material.NameEn ?? material.Code} belongs to someone else: its holder must first consent, from their own account, to its use for {journey.NameEn}.",
                        $"{material.Name}属于他人，须由持证人本人登录后授权您在“{journey.Name}”中使用。"));
                    continue;
                }

                consentId = consent.Id;
            }

            var pullRequest = new LicencePullRequest(holder, material.LicenceType!, caseNumber, material.Purpose ?? $"{journey.Name}：{material.Name}", caller.UserId);
            LicencePullResult result;
            using (AuditActor.ForCase(caseNumber, trail.Actor()))
            {
                result = await licences.PullAsync(pullRequest, cancellationToken);
            }

            await AuditPullAsync(pullRequest, result, consentId, cancellationToken);
            if (result.Outcome == LicencePullOutcome.Ok && result.Licence is not null)
            {
                pulled.Add((material, new Pull(result, consentId)));
                CheckAgainstForm(material, result.Licence, form, pointer, errors);
                continue;
            }

            if (result.Outcome == LicencePullOutcome.NotFound && !material.Required)
            {
                continue;
            }

            var code = result.Outcome switch
            {
                LicencePullOutcome.Revoked => "licence_revoked",
                LicencePullOutcome.Expired => "licence_expired",
                LicencePullOutcome.Superseded => "licence_superseded",
                _ => "licence_not_found",
            };
            errors.Add(new FieldError($"#/form{pointer}", code,
                result.Message ?? $"{material.NameEn ?? material.Code}: no valid licence was found for this holder ({result.Outcome}).",
                result.Message ?? $"{material.Name}：未找到该持证人的有效电子证照。"));
        }

        return pulled;
    }

    /// <summary>
    /// Every pull is audited at once, refused ones too, on its own connection: the library has handed over the data
    /// whether or not this submission goes on to be stored. The holder is named by the masked ID number.
    /// </summary>
    private async Task AuditPullAsync(LicencePullRequest request, LicencePullResult result, Guid? consentId, CancellationToken cancellationToken)
    {
        var e = trail.Event(AuditActions.LicencePull, Masking.Subject(request.HolderId), request.CaseNumber, request.Purpose);
        e.Detail = new JsonObject
        {
            ["licenceType"] = request.Type,
            ["licenceId"] = result.Licence?.Id,
            ["outcome"] = result.Outcome.ToString(),
            ["pullId"] = result.PullId,
            ["consentId"] = consentId?.ToString(),
            ["licenceSha256"] = result.Licence?.Sha256,
        }.ToJsonString();
        e.RequestHash = AuditHash.Of(JsonSerializer.Serialize(request, JsonSerializerOptions.Web));
        e.ResponseHash = AuditHash.Of(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
        await trail.WriteAsync(e, cancellationToken);
    }

    /// <summary>Fields the form repeats from a pulled licence must agree with it (a name next to an ID number).</summary>
    private static void CheckAgainstForm(JourneyMaterial material, LicenceRecord licence, JsonObject form, string holderPointer, List<FieldError> errors)
    {
        if (licence.Type != "id-card" || !holderPointer.EndsWith("/idNumber", StringComparison.Ordinal))
        {
            return;
        }

        var namePointer = holderPointer[..^"/idNumber".Length] + "/name";
        if (FormPointer.Get(form, namePointer) is JsonValue value && value.TryGetValue<string>(out var name)
            && licence.Data["name"]?.GetValue<string>() is { } licensed && name.Trim() != licensed)
        {
            errors.Add(new FieldError($"#/form{namePointer}", "name_mismatch",
                $"The name does not match the ID card of this ID number ({material.NameEn ?? material.Code}).",
                $"姓名与该身份证号码的居民身份证不一致（{material.Name}）。"));
        }
    }

    private string RegionOf(Caller caller, SubjectInfo subject)
    {
        var region = subject.Kind == SubjectKind.Person && subject.IdNumber.Length == 18 ? subject.IdNumber[..6]
            : subject.IdNumber.Length == 18 ? subject.IdNumber.Substring(2, 6) : caller.Region ?? "371700";
        return RegionCode.IsWellFormed(region) && RegionCode.NameOf(region) is not null ? region : "371700";
    }

    private static DateOnly WorkingDayCalendarDate(DateTimeOffset now) => Calendar.WorkingDayCalendar.LocalDate(now);

    private static ProblemException KeyReused() =>
        new(Problems.Conflict, "This Idempotency-Key was used for a different submission.", "该 Idempotency-Key 已用于另一份不同的申请。");

    private static ProblemException Invalid(List<FieldError> errors) => new(Problems.ValidationFailed,
        $"{errors.Count} item(s) of the application need attention.", $"申请中有 {errors.Count} 处需要修改。", errors);

    private static string RequestHash(SubmitCaseRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, JsonSerializerOptions.Web))));

}

/// <summary>Case numbers: one counter row per region and day, incremented in its own short transaction.</summary>
internal static class CaseNumbers
{
    public static async Task<string> NextAsync(AppDbContext db, string region, DateOnly day, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counter = await db.CaseNumberCounters.SingleOrDefaultAsync(c => c.RegionCode == region && c.Day == day, cancellationToken);
            if (counter is null)
            {
                counter = new CaseNumberCounter { RegionCode = region, Day = day, Last = 0 };
                db.CaseNumberCounters.Add(counter);
            }

            counter.Last++;
            counter.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(counter).State = EntityState.Detached;
                return CaseNumber.Create(region, day, counter.Last).Value;
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // Another submission took the number (or created the day's row) first: read again.
                db.Entry(counter).State = EntityState.Detached;
            }
        }
    }
}
