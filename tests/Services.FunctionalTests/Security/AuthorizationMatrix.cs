using System.Reflection;
using System.Text.RegularExpressions;
using OneThing.Host.Identity;

namespace OneThing.FunctionalTests.Security;

/// <summary>One row of the matrix in docs/security.md: an endpoint and, per role, its ownership rule (<c>—</c> = denied).</summary>
internal sealed record MatrixRow(string Method, string Route, IReadOnlyDictionary<string, string> Cells, int Line)
{
    public string Key => $"{Method} {Route}";

    public bool Allows(string role) => Cells[role] != AuthorizationMatrix.Denied;

    public IEnumerable<string> AllowedRoles => Cells.Where(c => c.Value != AuthorizationMatrix.Denied).Select(c => c.Key);

    public override string ToString() => $"{Key} (docs/security.md line {Line})";
}

/// <summary>Reads the "Authorization matrix" table of docs/security.md, the one source of who may call what.</summary>
internal static partial class AuthorizationMatrix
{
    public const string Anonymous = "anonymous";
    public const string Denied = "—";

    /// <summary>The cells a row may hold; the legend in docs/security.md says what each means.</summary>
    public static readonly IReadOnlySet<string> Rules = new HashSet<string>(StringComparer.Ordinal) { "any", "self", "own", "filed", "dept", Denied };

    /// <summary>Every role of Roles.cs (its public constants) plus a request without a token.</summary>
    public static IReadOnlyList<string> Roles { get; } =
    [
        Anonymous,
        .. typeof(Roles).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!),
    ];

    public static string DocumentPath
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "OneThing.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root?.FullName ?? throw new InvalidOperationException("OneThing.sln not found above the test output."), "docs", "security.md");
        }
    }

    public static IReadOnlyList<MatrixRow> Load() => Parse(File.ReadAllLines(DocumentPath));

    public static IReadOnlyList<MatrixRow> Parse(IReadOnlyList<string> lines)
    {
        var start = lines.ToList().FindIndex(l => l.Trim() == "## Authorization matrix");
        Assert.True(start >= 0, "docs/security.md has no '## Authorization matrix' section.");
        var header = -1;
        for (var i = start + 1; i < lines.Count && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (Cells(lines[i]) is [ "Method", "Route", .. ])
            {
                header = i;
                break;
            }
        }

        Assert.True(header >= 0, "The authorization matrix has no table starting with | Method | Route |.");
        var columns = Cells(lines[header]);
        foreach (var role in Roles)
        {
            Assert.True(columns.Contains(role), $"The matrix has no column for the role '{role}'.");
        }

        var rows = new List<MatrixRow>();
        for (var i = header + 2; i < lines.Count && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            Assert.True(cells.Count == columns.Count, $"docs/security.md line {i + 1}: {cells.Count} cells, the header has {columns.Count}.");
            var byRole = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var role in Roles)
            {
                var cell = cells[columns.IndexOf(role)];
                Assert.True(Rules.Contains(cell), $"docs/security.md line {i + 1}, {role}: '{cell}' is not one of {string.Join(", ", Rules)}.");
                byRole[role] = cell;
            }

            rows.Add(new MatrixRow(cells[0], cells[1], byRole, i + 1));
        }

        return rows;
    }

    /// <summary>A route template as OpenAPI writes it: no constraints (<c>{id:guid}</c> → <c>{id}</c>), no trailing slash.</summary>
    public static string Normalise(string route)
    {
        var plain = Constraint().Replace(route, "{$1}");
        return plain.Length > 1 ? plain.TrimEnd('/') : plain;
    }

    private static List<string> Cells(string line) =>
        [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`'))];

    [GeneratedRegex(@"\{\*{0,2}(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Constraint();
}
