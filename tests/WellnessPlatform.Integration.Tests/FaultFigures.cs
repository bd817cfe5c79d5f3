using System.Globalization;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// What a fault scenario ended with, counted from storage itself: one line of a markdown table, printed
/// to the test output and appended to the file WELLNESS_FIGURES names (artifacts/fault-figures.md if unset).
/// </summary>
internal sealed record FaultFigures(string Scenario, int Acknowledged, int FoundInStorage, int Duplicates, int Missing, TimeSpan SlowestAnswer)
{
    public const string Header = "| scenario | acknowledged | found in storage | duplicates | missing | slowest answer (s) |\n| --- | --- | --- | --- | --- | --- |";

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Acknowledged} | {FoundInStorage} | {Duplicates} | {Missing} | {SlowestAnswer.TotalSeconds:0.00} |");

    public async Task ReportAsync(ITestOutputHelper output)
    {
        output.WriteLine(Line);
        var path = Environment.GetEnvironmentVariable("WELLNESS_FIGURES") is { Length: > 0 } set
            ? set
            : Path.Combine(AzuriteProcess.RepositoryRoot(), "artifacts", "fault-figures.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Test projects may run side by side; a writer that finds the file busy tries again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                await using var writer = new StreamWriter(file);
                if (file.Length == 0)
                {
                    await writer.WriteLineAsync(Header);
                }

                await writer.WriteLineAsync(Line);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }
}
