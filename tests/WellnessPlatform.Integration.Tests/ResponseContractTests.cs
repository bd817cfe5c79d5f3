using System.Text.Json.Nodes;
using WellnessPlatform.Integration.Tests.Contract;
using WellnessPlatform.Integration.Tests.Matrix;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The API answers what its OpenAPI document says: every documented operation is called once as the
/// first principal its row of <see cref="ExpectedAccess"/> admits, and once each as the first signed-out
/// and signed-in caller it refuses (401, 403); each body is checked against the schema the document
/// declares for the status and media type it answered.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResponseContractTests(AzuriteFixture fixture)
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_documented_operation_answers_a_body_that_fits_its_documented_schema() =>
        AssertNone(await CallEachOperationAsync(Verdict.Allowed));

    [Fact]
    public async Task Every_refusal_of_a_signed_out_caller_answers_the_documented_problem_details() =>
        AssertNone(await CallEachOperationAsync(Verdict.Denied, p => p.Role is null));

    [Fact]
    public async Task Every_refusal_of_a_signed_in_caller_answers_the_documented_problem_details() =>
        AssertNone(await CallEachOperationAsync(Verdict.Denied, p => p.Role is not null));

    private static void AssertNone(List<string> mismatches) => Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));

    /// <summary>
    /// Calls each documented operation once, as the first principal (<paramref name="among"/> those given)
    /// its row judges <paramref name="verdict"/> (operations nobody is refused are skipped for
    /// <see cref="Verdict.Denied"/>), and lists each route's first mismatch as "route as principal
    /// answered status: mismatch".
    /// </summary>
    private async Task<List<string>> CallEachOperationAsync(Verdict verdict, Func<Principal, bool>? among = null)
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        using var client = platform.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = Operations(document);
        var world = await MatrixWorld.SeedAsync(platform, (fixture.Identity.Issuer("matrix"), fixture.Identity.Issuer("matrix-2")));
        var rows = ExpectedAccess.Rows.Where(r => operations.ContainsKey(Normalized(r.Key))).ToList();
        var missing = operations.Keys.Except(rows.Select(r => Normalized(r.Key))).ToList();
        Assert.True(missing.Count == 0, "Documented operations without a row in ExpectedAccess: " + string.Join(", ", missing));

        var strict = new SchemaChecker(document, strict: true);
        var lenient = new SchemaChecker(document, strict: false);
        using var sender = new CellSender(platform);
        var mismatches = new List<string>();
        foreach (var row in rows.DistinctBy(r => Normalized(r.Key)))
        {
            if (Principal.All.Where(among ?? (_ => true)).FirstOrDefault(p => AccessRules.Judge(row.Rule, p, row.Isolated is not null) == verdict) is not { } principal)
            {
                // Anonymous routes refuse nobody; every route serves someone.
                Assert.True(verdict == Verdict.Denied, $"{row.Name}: no principal is served");
                continue;
            }

            var scene = verdict == Verdict.Allowed && row.Fresh is { } fresh ? await fresh(world, world.Shared, world.Shared.Tenant, principal) : world.Shared;
            var result = await sender.SendAsync(row, isPage: false, scene, principal.In(scene));
            var status = ((int)result.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = operations[Normalized(row.Key)]["responses"]?[status];
            var mismatch = response is null
                ? "the status is not documented"
                : Check(response, result, result.MediaType == "application/problem+json" ? lenient : strict);
            if (mismatch is not null)
            {
                mismatches.Add($"{row.Name} as {principal.Name} answered {status}: {mismatch}");
            }
        }

        return mismatches;
    }

    /// <summary>Null when the body fits the documented content; otherwise the first mismatch.</summary>
    private static string? Check(JsonNode response, CellResult result, SchemaChecker checker)
    {
        var content = response["content"] as JsonObject;
        if (result.Body.Length == 0)
        {
            return content is null || content.Count == 0 ? null : $"no body, but the document declares {string.Join(", ", content.Select(c => c.Key))}";
        }

        if (content is null || result.MediaType is null || content[result.MediaType]?["schema"] is not { } schema)
        {
            return $"a {result.MediaType} body, but the document declares {(content is null ? "no content" : string.Join(", ", content.Select(c => c.Key)))}: {result.Body}";
        }

        return checker.FirstMismatch(JsonNode.Parse(result.Body), schema);
    }

    /// <summary>Each operation of the document as "METHOD /path", as the matrix names routes.</summary>
    private static Dictionary<string, JsonNode> Operations(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => Verbs.Contains(o.Key))
                .Select(o => (Key: Normalized($"{o.Key.ToUpperInvariant()} {path.Key}"), Operation: o.Value!)))
            .ToDictionary(o => o.Key, o => o.Operation, StringComparer.Ordinal);

    /// <summary>A route group's root is "/api/exercises/" in the endpoint data and "/api/exercises" in the document.</summary>
    private static string Normalized(string key) => key.EndsWith('/') && !key.EndsWith(" /", StringComparison.Ordinal) ? key.TrimEnd('/') : key;
}
