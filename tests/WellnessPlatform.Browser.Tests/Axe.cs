using System.Text.Json;
using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

/// <summary>Runs axe-core (from the repository's node_modules) in the page and records the result.</summary>
internal static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js")));

    /// <summary>Every violation, whatever its impact (minor ones too); each is also written to artifacts/axe/{name}.json.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string name)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        Directory.CreateDirectory(Path.Combine(BrowserFixture.Artifacts, "axe"));
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.Artifacts, "axe", $"{name}.json"), json.GetRawText());
        return [.. json.EnumerateArray()
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    public static async Task AssertCleanAsync(IPage page, string name)
    {
        var violations = await ViolationsAsync(page, name);
        Assert.True(violations.Count == 0, $"{name}: " + string.Join("\n", violations));
    }
}
