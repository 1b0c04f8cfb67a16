using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Identifiers;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Cases.Model;
using OneThing.Host.Cases;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Protection;
using OneThing.Host.Privacy;
using OneThing.Integrations.Licences;

namespace OneThing.Host.Portal;

/// <summary>
/// A person's own e-licences, and their consents (授权用证): letting another person use named licences
/// of theirs in one journey (the other parent, the seller, the employee) — given and revoked only from
/// their own account.
/// </summary>
public static class ConsentsApi
{
    public static IEndpointRouteBuilder MapMyLicencesApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("My licences and consents · 我的证照与授权").RequireAuthorization(AuthorizationPolicies.Citizen);
        me.MapGet("/licences", LicencesAsync).RequireAbuseLimits(AbuseLimit.LicencePull).WithName("ListMyLicences").WithSummary("My e-licences · 我的电子证照");
        me.MapGet("/consents", ListAsync).WithName("ListMyConsents").WithSummary("Consents I gave and received · 我的用证授权");
        me.MapPost("/consents", GrantAsync).WithName("GrantConsent").WithSummary("Let someone use my licences in one journey · 授权他人用证")
            .ProducesValidationProblem();
        me.MapDelete("/consents/{id:guid}", RevokeAsync).WithName("RevokeConsent").WithSummary("Withdraw a consent · 撤销授权")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record GrantRequest(string? GranteeIdNumber, string? Journey, List<string>? LicenceTypes, int? ValidDays);

    public sealed record ConsentView(Guid Id, string GrantorName, string GrantorIdNumber, string GranteeIdNumber, string Journey,
        IReadOnlyList<string> LicenceTypes, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool GivenByMe)
    {
        public static ConsentView From(LicenceConsent c, string? myIdNumber) => new(c.Id, c.GrantorName, Masking.Subject(c.GrantorIdNumber),
            Masking.Subject(c.GranteeIdNumber), c.JourneyCode, JsonSerializer.Deserialize<List<string>>(c.LicenceTypes) ?? [], c.GrantedAt, c.ExpiresAt,
            c.RevokedAt, c.GrantorIdNumber == myIdNumber);
    }

    private static async Task<Ok<IReadOnlyList<LicenceRecord>>> LicencesAsync(ClaimsPrincipal user, AppDbContext db, ILicenceLibrary licences,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        return TypedResults.Ok(caller.IdNumber is null ? [] : await licences.ListAsync(caller.IdNumber, cancellationToken));
    }

    private static async Task<Ok<List<ConsentView>>> ListAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        // ID numbers are encrypted at rest: matched by their lookup hashes.
        var id = db.Protector.Hash(caller.IdNumber ?? "-");
        var consents = await db.LicenceConsents.AsNoTracking()
            .Where(c => EF.Property<string>(c, PersonalDataColumns.ConsentGrantorIdHash) == id || EF.Property<string>(c, PersonalDataColumns.ConsentGranteeIdHash) == id)
            .OrderByDescending(c => c.GrantedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(consents.Select(c => ConsentView.From(c, caller.IdNumber)).ToList());
    }

    private static async Task<Created<ConsentView>> GrantAsync(GrantRequest request, ClaimsPrincipal user, AppDbContext db, JourneyCatalogue journeys,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        if (caller.IdNumber is null)
        {
            throw new ProblemException(Problems.Forbidden, "Only a verified person can consent to the use of their licences.", "只有完成实名认证的本人才能授权使用其证照。");
        }

        var errors = new List<FieldError>();
        if (!ResidentIdNumber.TryParse(request.GranteeIdNumber, WorkingDayCalendar.LocalDate(time.GetUtcNow()), out var grantee, out var error))
        {
            errors.Add(new FieldError("#/granteeIdNumber", "invalid_id_number", $"The grantee's ID number: {error!.Message}", $"被授权人身份证号码：{error.MessageZh}"));
        }
        else if (grantee!.Value == caller.IdNumber)
        {
            errors.Add(new FieldError("#/granteeIdNumber", "self", "You need no consent to use your own licences.", "使用本人证照无需授权。"));
        }

        var journey = await journeys.GetAsync(request.Journey ?? string.Empty, cancellationToken);
        if (journey is null)
        {
            errors.Add(new FieldError("#/journey", "unknown_journey", $"There is no journey '{request.Journey}'.", $"没有名为“{request.Journey}”的一件事。"));
        }

        var allowed = journey?.Materials.Where(m => m.IsLicence && m.LicenceType is not null).Select(m => m.LicenceType!).Distinct().ToList() ?? [];
        if (request.LicenceTypes is not { Count: > 0 and <= 10 } types)
        {
            errors.Add(new FieldError("#/licenceTypes", "required", "Name the licence types (1–10) the grantee may use.", "请选择允许使用的证照类型（1 至 10 种）。"));
        }
        else if (journey is not null)
        {
            for (var i = 0; i < types.Count; i++)
            {
                if (!allowed.Contains(types[i]))
                {
                    errors.Add(new FieldError($"#/licenceTypes/{i}", "not_in_journey", $"'{types[i]}' is not a licence this journey uses ({string.Join(", ", allowed)}).", $"“{types[i]}”不是该事项使用的证照类型。"));
                }
            }
        }

        if (request.ValidDays is < 1 or > 90)
        {
            errors.Add(new FieldError("#/validDays", "range", "A consent lasts 1 to 90 days.", "授权有效期为 1 至 90 天。"));
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        var now = time.GetUtcNow();
        var consent = new LicenceConsent
        {
            Id = Guid.CreateVersion7(),
            GrantorUserId = caller.UserId,
            GrantorIdNumber = caller.IdNumber,
            GrantorName = caller.Name,
            GranteeIdNumber = grantee!.Value,
            JourneyCode = journey!.Code,
            LicenceTypes = JsonSerializer.Serialize(request.LicenceTypes!.Distinct().ToList()),
            GrantedAt = now,
            ExpiresAt = now.AddDays(request.ValidDays ?? 30),
        };
        db.LicenceConsents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/me/consents/{consent.Id}", ConsentView.From(consent, caller.IdNumber));
    }

    private static async Task<NoContent> RevokeAsync(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var consent = await db.LicenceConsents.SingleOrDefaultAsync(c => c.Id == id && c.GrantorUserId == caller.UserId, cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "No such consent of yours.", "没有您给出的这项授权。");
        consent.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
