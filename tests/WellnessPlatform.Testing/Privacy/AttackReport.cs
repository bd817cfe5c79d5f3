namespace WellnessPlatform.Testing.Privacy;

/// <summary>Writes an attack's closing note to artifacts/ at the repository root, for the record.</summary>
public static class AttackReport
{
    public static string Summarize(string title, PrivacyAttacker attacker, IReadOnlyList<Finding> findings, Func<Finding, bool> isRecovery)
    {
        var recovered = findings.Where(isRecovery).ToList();
        var byKind = string.Join(", ", findings.GroupBy(f => f.Attack).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var lines = new List<string>
        {
            $"{title}: {attacker.Queries} queries, {attacker.Combinations} combinations tried, {findings.Count} derived figures ({byKind}), {recovered.Count} recovered.",
        };
        lines.AddRange(recovered.Take(20).Select(f => "  recovered " + f));
        return string.Join(Environment.NewLine, lines);
    }

    public static void Write(string fileName, string text)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WellnessPlatform.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            return;
        }

        var artifacts = Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts"));
        File.WriteAllText(Path.Combine(artifacts.FullName, fileName), text + Environment.NewLine);
    }
}
