using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases.Identifiers;
using OneThing.Host.Hosting;
using OneThing.Integrations.Licences;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// DEVELOPMENT ONLY: what the sandbox licence library does behind its HTTP API. A pull of a type uses the
/// holder's newest valid licence of that type (else their newest, to name it in the refusal) and is refused when
/// that licence is revoked, superseded or past its validity (Beijing date); every pull is recorded, refused ones too.
/// </summary>
internal sealed class SandboxLicenceLibrary(SandboxStore store)
{
    private const int MaxAttempts = 5;

    private DbSet<SandboxLicence> Licences => store.Db.Set<SandboxLicence>();

    public async Task<List<LicenceRecord>> ListAsync(string holderId, CancellationToken cancellationToken)
    {
        var rows = await Concerning(Normalize(holderId)).AsNoTracking().ToListAsync(cancellationToken);
        return rows
            .OrderBy(l => l.Type, StringComparer.Ordinal)
            .ThenBy(l => l.Status != LicenceStatus.Valid)
            .ThenByDescending(l => l.IssuedOn)
            .ThenByDescending(l => l.CreatedAt)
            .Select(ToRecord)
            .ToList();
    }

    public async Task<LicenceRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        await Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Normalize(id), cancellationToken) is { } licence ? ToRecord(licence) : null;

    public async Task<LicencePullResult> PullAsync(PullBody body, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        SandboxProblems.Text(errors, "holderId", body.HolderId, 32);
        var type = KnownType(errors, body.Type);
        SandboxProblems.Text(errors, "caseNumber", body.CaseNumber, 40);
        SandboxProblems.Text(errors, "purpose", body.Purpose, 500);
        SandboxProblems.Text(errors, "requester", body.Requester, 100);
        SandboxProblems.ThrowIfAny(errors);

        var holderId = Normalize(body.HolderId!);
        var candidates = await Concerning(holderId).Where(l => l.Type == type!.Code).AsNoTracking().ToListAsync(cancellationToken);
        var newest = candidates.OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.CreatedAt).ToList();
        var licence = newest.FirstOrDefault(l => l.Status == LicenceStatus.Valid) ?? newest.FirstOrDefault();
        var (outcome, message) = Judge(licence, type!, holderId);

        var pull = new SandboxLicencePull
        {
            Id = Guid.CreateVersion7(),
            HolderId = holderId,
            Type = type!.Code,
            CaseNumber = body.CaseNumber!.Trim(),
            Purpose = body.Purpose!.Trim(),
            Requester = body.Requester!.Trim(),
            PulledAt = store.Now,
            Outcome = outcome,
            LicenceId = licence?.Id,
            LicenceSha256 = licence?.Sha256,
        };
        store.Db.Add(pull);
        await store.Db.SaveChangesAsync(cancellationToken);
        return new LicencePullResult(outcome, licence is null ? null : ToRecord(licence), pull.Id.ToString(), message);
    }

    public async Task<List<LicencePullRecord>> ListPullsAsync(string? holderId, string? caseNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(holderId) && string.IsNullOrWhiteSpace(caseNumber))
        {
            SandboxProblems.ThrowIfAny([new FieldError("#/holderId", "required", "Name a holderId or a caseNumber.", "请提供 holderId 或 caseNumber。")]);
        }

        var pulls = store.Db.Set<SandboxLicencePull>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(holderId))
        {
            var id = Normalize(holderId);
            pulls = pulls.Where(p => p.HolderId == id);
        }

        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            var number = caseNumber.Trim();
            pulls = pulls.Where(p => p.CaseNumber == number);
        }

        var rows = await pulls.OrderByDescending(p => p.PulledAt).Take(500).ToListAsync(cancellationToken);
        return rows.Select(p => new LicencePullRecord(
            p.Id.ToString(), p.HolderId, p.Type, p.CaseNumber, p.Purpose, p.Requester, p.PulledAt, p.Outcome, p.LicenceId, p.LicenceSha256)).ToList();
    }

    /// <summary>Issues a licence once per idempotency key; <c>Created</c> is false when the key was seen before.</summary>
    public async Task<(LicenceRecord Licence, bool Created)> IssueAsync(IssueBody body, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await Licences.AsNoTracking().FirstOrDefaultAsync(l => l.IdempotencyKey == idempotencyKey, cancellationToken) is { } repeated)
        {
            return (SameIssue(repeated, body), false);
        }

        var type = ValidateIssue(body);
        var holderId = Normalize(body.HolderId!);
        var holderName = body.HolderName!.Trim();
        var issuerCode = Normalize(body.IssuerCode!);
        var issuerName = body.IssuerName!.Trim();
        for (var attempt = 1; ; attempt++)
        {
            var current = body.SupersedesCurrent
                ? await Licences.Where(l => l.Type == type.Code && l.HolderId == holderId && l.Status == LicenceStatus.Valid)
                    .OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.CreatedAt).ToListAsync(cancellationToken)
                : [];
            var today = store.Today;
            var identifier = await NextIdentifierAsync(type, issuerCode, current.FirstOrDefault(), today, cancellationToken);
            var data = (JsonObject)body.Data!.DeepClone();
            var licence = new SandboxLicence
            {
                Id = identifier.Value,
                Type = type.Code,
                HolderId = holderId,
                HolderName = holderName,
                MemberIds = MemberIdsOf(data, holderId),
                IssuerCode = issuerCode,
                IssuerName = issuerName,
                IssuedOn = today,
                ValidUntil = body.ValidUntil,
                Status = LicenceStatus.Valid,
                Data = data.ToJsonString(),
                Sha256 = LicenceHash.Compute(identifier.Value, type.Code, holderId, holderName, issuerCode, issuerName, today, body.ValidUntil, data),
                CaseNumber = body.CaseNumber?.Trim(),
                IdempotencyKey = idempotencyKey,
                SupersedesId = current.FirstOrDefault()?.Id,
                CreatedAt = store.Now,
            };
            foreach (var old in current)
            {
                old.Status = LicenceStatus.Superseded;
                old.StatusChangedAt = store.Now;
                old.SupersededById = licence.Id;
            }

            store.Db.Add(licence);
            try
            {
                await store.Db.SaveChangesAsync(cancellationToken);
                return (ToRecord(licence), true);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another request took the serial or the same key meanwhile: answer the key's licence, or try the next serial.
                store.Db.ChangeTracker.Clear();
                if (await Licences.AsNoTracking().FirstOrDefaultAsync(l => l.IdempotencyKey == idempotencyKey, cancellationToken) is { } raced)
                {
                    return (SameIssue(raced, body), false);
                }
            }
        }
    }

    /// <summary>Revokes a licence; revoking a revoked one changes nothing. A licence it had superseded is current again.</summary>
    public async Task<LicenceRecord> RevokeAsync(string id, RevokeBody body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        SandboxProblems.Text(errors, "reason", body.Reason, 500);
        SandboxProblems.ThrowIfAny(errors);

        var licenceId = Normalize(id);
        var licence = await Licences.FirstOrDefaultAsync(l => l.Id == licenceId, cancellationToken)
            ?? throw new ProblemException(SandboxProblems.LicenceNotFound, $"The library holds no licence {licenceId}.", $"电子证照库中没有证照 {licenceId}。");
        if (licence.RevokeIdempotencyKey == idempotencyKey || licence.Status == LicenceStatus.Revoked)
        {
            return ToRecord(licence);
        }

        if (await Licences.AnyAsync(l => l.RevokeIdempotencyKey == idempotencyKey, cancellationToken))
        {
            throw KeyReused();
        }

        licence.Status = LicenceStatus.Revoked;
        licence.StatusChangedAt = store.Now;
        licence.StatusReason = body.Reason!.Trim();
        licence.RevokeIdempotencyKey = idempotencyKey;
        if (licence.SupersedesId is { } previousId
            && await Licences.FirstOrDefaultAsync(l => l.Id == previousId, cancellationToken) is { Status: LicenceStatus.Superseded } previous
            && previous.SupersededById == licence.Id)
        {
            // The registration that replaced it is undone (a withdrawn case): the old licence is the current one again.
            previous.Status = LicenceStatus.Valid;
            previous.StatusChangedAt = store.Now;
            previous.SupersededById = null;
        }

        await store.Db.SaveChangesAsync(cancellationToken);
        return ToRecord(licence);
    }

    public static LicenceRecord ToRecord(SandboxLicence l) => new(
        l.Id, l.Type, LicenceTypes.Find(l.Type)?.Name ?? l.Type, l.HolderId, l.HolderName, l.IssuerCode, l.IssuerName,
        l.IssuedOn, l.ValidUntil, l.Status, JsonNode.Parse(l.Data)!.AsObject(), l.Sha256);

    /// <summary>Other ID numbers a licence lists (<c>members[].idNumber</c> of a household register), as <c>,id,id,</c>.</summary>
    public static string MemberIdsOf(JsonObject data, string holderId)
    {
        var ids = (data["members"] as JsonArray ?? [])
            .Select(m => (m as JsonObject)?["idNumber"]?.GetValue<string>())
            .OfType<string>()
            .Select(Normalize)
            .Where(id => id != holderId)
            .Distinct(StringComparer.Ordinal);
        return "," + string.Concat(ids.Select(id => id + ","));
    }

    private IQueryable<SandboxLicence> Concerning(string holderId)
    {
        var marker = $",{holderId},";
        return Licences.Where(l => l.HolderId == holderId || l.MemberIds.Contains(marker));
    }

    private (LicencePullOutcome Outcome, string? Message) Judge(SandboxLicence? licence, LicenceType type, string holderId)
    {
        if (licence is null)
        {
            var holder = ResidentIdNumber.Mask(holderId);
            return (LicencePullOutcome.NotFound, $"电子证照库中没有持证人 {holder} 的{type.Name} / The licence library holds no {type.NameEn} of holder {holder}.");
        }

        var changedOn = licence.StatusChangedAt is { } changed ? Date(ChinaTime.DateOf(changed)) : "?";
        return licence switch
        {
            { Status: LicenceStatus.Revoked } => (LicencePullOutcome.Revoked,
                $"{type.Name}（{licence.Id}）已于{changedOn}注销{(licence.StatusReason is { } r ? $"（{r}）" : "")} / "
                + $"The {type.NameEn} ({licence.Id}) was revoked on {changedOn}{(licence.StatusReason is { } reason ? $" ({reason})" : "")}."),
            { Status: LicenceStatus.Superseded } => (LicencePullOutcome.Superseded,
                $"{type.Name}（{licence.Id}）已于{changedOn}被新证照（{licence.SupersededById}）替代 / "
                + $"The {type.NameEn} ({licence.Id}) was superseded on {changedOn} by {licence.SupersededById}."),
            { ValidUntil: { } until } when until < store.Today => (LicencePullOutcome.Expired,
                $"{type.Name}（{licence.Id}）已于{Date(until)}到期 / The {type.NameEn} ({licence.Id}) expired on {Date(until)}."),
            _ => (LicencePullOutcome.Ok, null),
        };
    }

    private async Task<LicenceIdentifier> NextIdentifierAsync(LicenceType type, string issuerCode, SandboxLicence? predecessor, DateOnly today, CancellationToken cancellationToken)
    {
        // A new edition of a licence from the same issuer (an updated household register) keeps its serial
        // and takes the next version; anything else gets the issuer's next serial of the day.
        if (predecessor is not null && predecessor.IssuerCode == issuerCode && LicenceIdentifier.TryParse(predecessor.Id, out var previous, out _))
        {
            var prefix = $"{LicenceIdentifier.Root}.{type.TypeCode}.{issuerCode}.{previous!.Serial}.";
            var editions = await Licences.Where(l => l.Id.StartsWith(prefix)).Select(l => l.Id).ToListAsync(cancellationToken);
            var version = editions.Select(id => LicenceIdentifier.TryParse(id, out var edition, out _) ? edition!.Version : 0).DefaultIfEmpty(0).Max() + 1;
            if (version <= 999)
            {
                return LicenceIdentifier.Create(type.TypeCode, issuerCode, previous.Serial, version);
            }
        }

        var issuedToday = await Licences.CountAsync(l => l.Type == type.Code && l.IssuerCode == issuerCode && l.IssuedOn == today, cancellationToken);
        var serial = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (issuedToday + 1).ToString("D4", CultureInfo.InvariantCulture);
        return LicenceIdentifier.Create(type.TypeCode, issuerCode, serial, 1);
    }

    private LicenceType ValidateIssue(IssueBody body)
    {
        var errors = new List<FieldError>();
        var type = KnownType(errors, body.Type);
        SandboxProblems.Text(errors, "holderId", body.HolderId, 32);
        if (body.HolderId is { Length: > 0 } holder
            && !ResidentIdNumber.TryParse(holder, store.Today, out _, out _) && !CreditCode.TryParse(holder, out _, out _))
        {
            errors.Add(new FieldError("#/holderId", "invalid_holder_id",
                "holderId is neither a resident ID number (GB 11643) nor a unified social credit code (GB 32100).",
                "holderId 既不是有效的公民身份号码（GB 11643），也不是有效的统一社会信用代码（GB 32100）。"));
        }

        SandboxProblems.Text(errors, "holderName", body.HolderName, 200);
        SandboxProblems.Text(errors, "issuerCode", body.IssuerCode, 32);
        if (body.IssuerCode is { Length: > 0 } issuer && !CreditCode.TryParse(issuer, out _, out var issuerError))
        {
            errors.Add(new FieldError("#/issuerCode", "invalid_issuer_code", $"issuerCode is not a unified social credit code: {issuerError!.Message}", $"issuerCode 不是有效的统一社会信用代码：{issuerError.MessageZh}"));
        }

        SandboxProblems.Text(errors, "issuerName", body.IssuerName, 200);
        SandboxProblems.Text(errors, "caseNumber", body.CaseNumber, 40);
        if (body.Data is null)
        {
            errors.Add(new FieldError("#/data", "required", "data (the licence fields) is required.", "缺少证照内容 data。"));
        }

        SandboxProblems.ThrowIfAny(errors);
        return type!;
    }

    private static LicenceType? KnownType(List<FieldError> errors, string? code)
    {
        SandboxProblems.Text(errors, "type", code, 40);
        var type = LicenceTypes.Find(code);
        if (type is null && !string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new FieldError("#/type", "unknown_licence_type", $"'{code}' is not a licence type of this library.", $"电子证照库中没有证照类型“{code}”。"));
        }

        return type;
    }

    private static LicenceRecord SameIssue(SandboxLicence licence, IssueBody body) =>
        licence.Type == body.Type && licence.HolderId == Normalize(body.HolderId ?? string.Empty)
            ? ToRecord(licence)
            : throw KeyReused();

    private static ProblemException KeyReused() => new(SandboxProblems.IdempotencyKeyReused,
        "This Idempotency-Key was used for a different request; use a new key for a new request.",
        "该 Idempotency-Key 已用于另一个请求，新的请求请使用新的键。");

    private static string Normalize(string identifier) => identifier.Trim().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
