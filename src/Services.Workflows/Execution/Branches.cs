namespace OneThing.Workflows.Execution;

/// <summary>
/// Branch ids name where a token is in the fork structure: <c>root</c>, then one segment per fork,
/// <c>root/fork#0</c>, <c>root/fork#0/inner#2</c>. A join merges a branch back into its parent.
/// </summary>
internal static class Branches
{
    public const string Root = "root";

    public static string Child(string branch, string activityId, int index) => $"{branch}/{activityId}#{index}";

    public static string Parent(string branch)
    {
        var slash = branch.LastIndexOf('/');
        return slash < 0 ? branch : branch[..slash];
    }

    /// <summary>True when <paramref name="branch"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string branch, string ancestor) =>
        branch == ancestor || branch.StartsWith(ancestor + "/", StringComparison.Ordinal);
}
