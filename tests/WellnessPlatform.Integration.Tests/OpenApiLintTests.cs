using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The OpenAPI document the host serves passes Redocly CLI's recommended rules (redocly.yaml) with no
/// errors, declares the bearer scheme on every operation that needs sign-in and only there, and
/// describes every 4xx as problem details.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiLintTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    private const string DocumentPath = "/openapi/v1.json";

    [Fact]
    public async Task The_document_passes_redocly_lint_with_no_errors()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wellness-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await ReadDocumentAsync());
        var (exitCode, printed, diagnostics) = await LintAsync(file);
        var start = printed.IndexOf('{', StringComparison.Ordinal);
        Assert.True(start >= 0, $"redocly lint printed no report (exit code {exitCode}): {printed}{diagnostics}");
        var report = JsonNode.Parse(printed[start..])!;
        var errors = (int)report["totals"]!["errors"]!;
        var problems = report["problems"]!.AsArray()
            .Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        problems.ForEach(output.WriteLine);

        // The document stays behind when it fails, to lint again by hand.
        Assert.True(errors == 0 && exitCode == 0, $"redocly lint of {file}: {errors} error(s), exit code {exitCode}:\n{string.Join('\n', problems)}");
        File.Delete(file);
    }

    [Fact]
    public async Task Signed_in_operations_carry_the_bearer_scheme_and_every_4xx_is_problem_details()
    {
        var document = JsonNode.Parse(await ReadDocumentAsync())!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        Assert.Equal("JWT", (string?)scheme["bearerFormat"]);

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Key is "get" or "put" or "post" or "delete" or "patch")
                .Select(o => (Route: $"{o.Key.ToUpperInvariant()} {path.Key}", Operation: o.Value!)))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (route, operation) in operations)
        {
            var bearer = operation["security"]?.AsArray().Any(r => r?.AsObject().ContainsKey("Bearer") == true) == true;
            var anonymous = route.StartsWith("GET /api/exercises", StringComparison.Ordinal) || route.Contains(" /dev/", StringComparison.Ordinal);
            Assert.True(bearer != anonymous, $"{route}: bearer {bearer}, anonymous {anonymous}");

            var clientErrors = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')).ToList();
            Assert.Contains(clientErrors, r => r.Key == "400");
            foreach (var (status, response) in clientErrors)
            {
                var schema = (string?)response!["content"]?["application/problem+json"]?["schema"]?["$ref"];
                Assert.True(schema is "#/components/schemas/ProblemDetails" or "#/components/schemas/ValidationProblemDetails", $"{route} {status}: {schema ?? "no problem+json"}");
            }
        }
    }

    private async Task<string> ReadDocumentAsync()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        using var http = platform.CreateClient();
        using var response = await http.GetAsync(DocumentPath);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(int ExitCode, string Output, string Diagnostics)> LintAsync(string file)
    {
        var root = AzuriteProcess.RepositoryRoot();
        var cli = Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is not installed at {cli}; run npm ci first.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var argument in new[] { cli, "lint", file, "--format=json", "--config", Path.Combine(root, "redocly.yaml") })
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
