using System.Diagnostics;
using System.Text.Json;

namespace WellnessPlatform.Deploy.Tests;

/// <summary>What k8s-schema.mjs found in one folder of manifests.</summary>
internal sealed record SchemaReport(string Folder, IReadOnlyList<FileCount> Files, int Documents, int Validated, IReadOnlyList<SchemaError> Errors);

internal sealed record FileCount(string File, int Documents);

internal sealed record SchemaError(string File, int Document, string? Kind, string? Name, string Path, string Message)
{
    public override string ToString() => $"{File}#{Document} {Kind}/{Name} {Path}: {Message}";
}

/// <summary>
/// Runs tests/WellnessPlatform.Deploy.Tests/k8s-schema.mjs with node, which checks each manifest against the
/// Kubernetes API schemas of the npm package kubernetes-models (installed by npm ci from package-lock.json).
/// </summary>
internal static class KubernetesSchema
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<SchemaReport> ValidateAsync(string folder)
    {
        if (!Directory.Exists(Yaml.Repo("node_modules", "kubernetes-models")))
        {
            throw new InvalidOperationException("kubernetes-models is not installed in node_modules; run scripts/test.sh (or npm ci) first.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Yaml.Repo("tests", "WellnessPlatform.Deploy.Tests", "k8s-schema.mjs"));
        start.ArgumentList.Add(folder);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("k8s-schema.mjs ran for over a minute.");
        }

        // Exit 0 means no errors and 1 means some; anything else is the script failing, not a verdict.
        var report = process.ExitCode is 0 or 1 ? JsonSerializer.Deserialize<SchemaReport>(await stdout, Json) : null;
        if (report is null || (process.ExitCode == 0) != (report.Errors.Count == 0))
        {
            throw new InvalidOperationException($"k8s-schema.mjs exited {process.ExitCode}: {await stderr}{await stdout}");
        }

        return report;
    }
}
