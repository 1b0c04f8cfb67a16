namespace OneThing.Host.Identity;

/// <summary>The roles of OneThing, as they appear in the <c>role</c> claim.</summary>
public static class Roles
{
    /// <summary>A citizen or a company's agent applying through the portal.</summary>
    public const string Applicant = "applicant";

    /// <summary>A department clerk working the department's queue.</summary>
    public const string Clerk = "clerk";

    /// <summary>Head of a department: escalations, rectification, the department's statistics.</summary>
    public const string DepartmentHead = "department-head";

    /// <summary>A clerk at the one-stop window filing on applicants' behalf (帮办代办).</summary>
    public const string WindowClerk = "window-clerk";

    public const string Admin = "admin";

    /// <summary>Reads the audit trail; changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>A department's back-office system calling with client credentials.</summary>
    public const string DepartmentSystem = "department-system";

    public static readonly IReadOnlyList<string> All = [Applicant, Clerk, DepartmentHead, WindowClerk, Admin, Auditor];
}
