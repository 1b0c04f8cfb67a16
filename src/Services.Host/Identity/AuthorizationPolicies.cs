using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace OneThing.Host.Identity;

/// <summary>Named policies endpoints require. All of them authenticate with an access token from our OpenID server.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Any signed-in person (not a machine client).</summary>
    public const string Person = "person";

    /// <summary>Those who file and follow cases: applicants (their own) and window clerks (the cases they filed for someone).</summary>
    public const string Applicant = "applicant";

    /// <summary>A person acting for themself with their own licences and consents: applicants only.</summary>
    public const string Citizen = "citizen";

    /// <summary>Who may read a case: its applicant or the window clerk who filed it, and the clerks and heads of the departments it reached.</summary>
    public const string CaseReader = "case-reader";

    /// <summary>Department heads only: reassignment and rectifications.</summary>
    public const string DepartmentHead = "department-head";
    public const string Clerk = "clerk";
    public const string Admin = "admin";

    /// <summary>Those who supervise service quality: department heads (their department) and administrators.</summary>
    public const string Supervision = "supervision";

    /// <summary>Government staff: clerks, heads, window clerks, administrators.</summary>
    public const string Staff = "staff";
    public const string Auditor = "auditor";
    public const string DepartmentSystem = "department-system";

    public static void Add(AuthorizationOptions options)
    {
        var scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        AuthorizationPolicy Roles(params string[] roles) => new AuthorizationPolicyBuilder(scheme)
            .RequireAuthenticatedUser().RequireRole(roles).Build();

        options.DefaultPolicy = new AuthorizationPolicyBuilder(scheme).RequireAuthenticatedUser().Build();
        options.AddPolicy(Person, Roles(Identity.Roles.All.ToArray()));
        options.AddPolicy(Applicant, Roles(Identity.Roles.Applicant, Identity.Roles.WindowClerk));
        options.AddPolicy(Citizen, Roles(Identity.Roles.Applicant));
        options.AddPolicy(CaseReader, Roles(Identity.Roles.Applicant, Identity.Roles.WindowClerk, Identity.Roles.Clerk, Identity.Roles.DepartmentHead));
        options.AddPolicy(DepartmentHead, Roles(Identity.Roles.DepartmentHead));
        options.AddPolicy(Clerk, Roles(Identity.Roles.Clerk, Identity.Roles.DepartmentHead));
        options.AddPolicy(Admin, Roles(Identity.Roles.Admin));
        options.AddPolicy(Supervision, Roles(Identity.Roles.DepartmentHead, Identity.Roles.Admin));
        options.AddPolicy(Staff, Roles(Identity.Roles.Clerk, Identity.Roles.DepartmentHead, Identity.Roles.WindowClerk, Identity.Roles.Admin));
        options.AddPolicy(Auditor, Roles(Identity.Roles.Auditor));
        options.AddPolicy(DepartmentSystem, Roles(Identity.Roles.DepartmentSystem));
    }
}
