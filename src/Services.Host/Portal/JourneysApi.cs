using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OneThing.Host.Cases;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Integrations.Licences;

namespace OneThing.Host.Portal;

/// <summary>
/// The catalogue of one-matter journeys (public): for each, the one notice (一次告知) — materials, which
/// are pulled automatically, the promised time, the departments — and the form; plus a prefill of the form
/// from the signed-in applicant's own e-licences.
/// </summary>
public static class JourneysApi
{
    public static IEndpointRouteBuilder MapJourneysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/journeys").WithTags("Journeys · 一件事");
        group.MapGet("/", ListAsync).AllowAnonymous().WithName("ListJourneys").WithSummary("The one-matter journeys · 一件事目录");
        group.MapGet("/{code}", GetAsync).AllowAnonymous().WithName("GetJourney")
            .WithSummary("One journey: notice, materials, departments, form · 一次告知").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/prefill", PrefillAsync).RequireAuthorization(AuthorizationPolicies.Citizen).RequireAbuseLimits(AbuseLimit.LicencePull)
            .WithName("PrefillJourneyForm")
            .WithSummary("The form prefilled from my e-licences · 表单预填").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record JourneySummary(string Code, int Version, string Name, string NameEn, string? Summary, string? SummaryEn,
        int PromisedDays, int StatutoryDays, string ApplicantKind, IReadOnlyList<DepartmentRef> Departments);

    public sealed record DepartmentRef(string Code, string Name, string NameEn);

    public sealed record MaterialNotice(string Code, string Name, string? NameEn, bool Required, bool PulledAutomatically, string? LicenceType,
        bool NeedsHolderConsent, IReadOnlyList<string>? MediaTypes, long? MaxBytes, string? Description);

    public sealed record MatterNotice(string Code, string Name, string NameEn, DepartmentRef Department, int PromisedDays, int StatutoryDays,
        IReadOnlyList<string> DependsOn, bool InstantApproval, string? InstantRule, string? Produces);

    public sealed record JourneyDetail(JourneySummary Journey, IReadOnlyList<string> Notes, string? Excluded, string LeadDepartment,
        IReadOnlyList<MaterialNotice> Materials, IReadOnlyList<MatterNotice> Matters, JsonObject Form);

    public sealed record Prefill(string Journey, JsonObject Form, IReadOnlyList<string> FromLicences);

    private static async Task<Ok<List<JourneySummary>>> ListAsync(JourneyCatalogue catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalogue.ListAsync(cancellationToken)).Select(Summary).ToList());

    private static async Task<Ok<JourneyDetail>> GetAsync(string code, JourneyCatalogue catalogue, CancellationToken cancellationToken)
    {
        var journey = await FindAsync(catalogue, code, cancellationToken);
        return TypedResults.Ok(new JourneyDetail(
            Summary(journey),
            journey.Notes,
            journey.Excluded,
            journey.LeadDepartment,
            [.. journey.Materials.Select(m => new MaterialNotice(m.Code, m.Name, m.NameEn, m.Required, m.IsLicence, m.LicenceType,
                m.Consent == "holder", m.MediaTypes, m.MaxBytes, m.Description ?? m.Purpose))],
            [.. journey.Matters.Select(m => new MatterNotice(m.Code, m.Name, m.NameEn, Department(m.Department), m.PromisedDays, m.StatutoryDays,
                m.DependsOn, m.InstantRule is not null, m.InstantRule?.Description, m.ProducesName ?? m.Produces))],
            journey.Form));
    }

    private static async Task<Ok<Prefill>> PrefillAsync(string code, ClaimsPrincipal user, AppDbContext db, JourneyCatalogue catalogue,
        ILicenceLibrary licences, CancellationToken cancellationToken)
    {
        var journey = await FindAsync(catalogue, code, cancellationToken);
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var form = new JsonObject();
        var used = new List<string>();
        if (caller.IdNumber is { } idNumber && journey.Prefill.Count > 0)
        {
            var mine = await licences.ListAsync(idNumber, cancellationToken);
            foreach (var rule in journey.Prefill)
            {
                var licence = mine.Where(l => l.Type == rule.LicenceType && l.Status == LicenceStatus.Valid).OrderByDescending(l => l.IssuedOn).FirstOrDefault();
                if (licence?.Data[rule.Field] is { } value && FormPointer.Set(form, rule.Pointer, value.DeepClone()) && !used.Contains(licence.Id))
                {
                    used.Add(licence.Id);
                }
            }
        }

        return TypedResults.Ok(new Prefill(journey.Code, form, used));
    }

    private static async Task<Journey> FindAsync(JourneyCatalogue catalogue, string code, CancellationToken cancellationToken) =>
        await catalogue.GetAsync(code, cancellationToken)
        ?? throw new ProblemException(Problems.NotFound, $"There is no journey '{code}'.", $"没有名为“{code}”的一件事。");

    private static JourneySummary Summary(Journey j) => new(j.Code, j.Version, j.Name, j.NameEn, j.Summary, j.SummaryEn, j.PromisedDays, j.StatutoryDays,
        j.ApplicantKind.ToString(), [.. j.Matters.Select(m => m.Department).Distinct().Select(Department)]);

    private static DepartmentRef Department(string code) =>
        DepartmentSeeder.Catalogue.FirstOrDefault(d => d.Code == code) is { } d ? new DepartmentRef(d.Code, d.Name, d.NameEn) : new DepartmentRef(code, code, code);
}
