using System.Net;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Integration.Tests.Matrix;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Every route, page handler and download the host answers (read from its endpoint data source) × every
/// principal: anonymous, operator, the employee the request is about, a colleague, each staff role, and
/// each of those signed in for another tenant. A served cell must answer its row's exact status (a 500
/// fails); a refused one the exact refusal; no answer may carry a marker of someone the caller may not
/// see. The expected access lives in <see cref="ExpectedAccess"/>, apart from the code that enforces it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthorizationMatrixTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    /// <summary>Rows × principals, written out so that a dropped row or principal is noticed.</summary>
    private const int ExpectedCells = 1166;

    private static readonly Uri Origin = new("http://localhost");

    [Fact]
    public async Task Every_route_page_handler_and_download_serves_exactly_the_principals_its_rule_allows_and_nobody_else()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        var world = await MatrixWorld.SeedAsync(platform, (fixture.Identity.Issuer("matrix"), fixture.Identity.Issuer("matrix-2")));
        var catalog = await RouteCatalog.ReadAsync(platform.Services);
        var rows = ExpectedAccess.Rows;

        var unlisted = catalog.Keys.Where(k => rows.All(r => r.Key != k)).ToList();
        var stale = rows.Select(r => r.Key).Where(k => !catalog.ContainsKey(k)).Distinct().ToList();
        Assert.True(unlisted.Count == 0, "Routes and handlers without a row in ExpectedAccess: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Rows in ExpectedAccess for routes the host no longer has: " + string.Join(", ", stale));
        Assert.Equal(rows.Count, rows.Select(r => r.Name).Distinct().Count());

        using var sender = new CellSender(platform);
        var wrong = new List<string>();
        var verdicts = new Dictionary<Verdict, int>();
        foreach (var row in rows)
        {
            foreach (var principal in Principal.All)
            {
                var verdict = AccessRules.Judge(row.Rule, principal, row.Isolated is not null);
                wrong.AddRange(await RunCellAsync(world, sender, row, catalog[row.Key], principal, verdict));
                verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            }
        }

        var cells = verdicts.Values.Sum(); // cells actually run
        output.WriteLine($"Authorization matrix: {rows.Count} routes ({catalog.Count} endpoints and handlers, plus download variants) × {Principal.All.Count} principals = {cells} cells: "
            + $"{verdicts.GetValueOrDefault(Verdict.Allowed)} served, {verdicts.GetValueOrDefault(Verdict.Isolated)} isolated, {verdicts.GetValueOrDefault(Verdict.Denied)} refused; {wrong.Count} wrong.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(rows.Count * Principal.All.Count, cells);
        Assert.Equal(ExpectedCells, cells);
    }

    private static async Task<List<string>> RunCellAsync(MatrixWorld world, CellSender sender, MatrixRow row, bool isPage, Principal principal, Verdict verdict)
    {
        // A served page acts in the signed-in person's own tenant; everything else in the tenant the request names.
        var scene = world.Shared;
        var tenant = verdict == Verdict.Allowed && isPage ? principal.Home(scene) ?? scene.Tenant : scene.Tenant;
        if (verdict != Verdict.Denied && row.Fresh is { } fresh)
        {
            scene = await fresh(world, scene, tenant, principal);
        }

        var effect = verdict == Verdict.Denied ? null : row.Effect;
        var before = effect is null ? null : await effect(world, scene, tenant);
        var identity = principal.In(scene);
        var result = await sender.SendAsync(row, isPage, scene, identity);

        var cell = $"{principal.Name}: {row.Method} {row.Url(scene)}";
        var wrong = new List<string>();
        var expected = verdict switch
        {
            Verdict.Allowed => row.Success,
            Verdict.Isolated => row.Isolated!.Value,
            _ => isPage ? HttpStatusCode.Redirect : principal.Role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden,
        };
        if (result.Status != expected)
        {
            wrong.Add($"{cell} answered {(int)result.Status}, expected {(int)expected} ({verdict}): {Snippet(result.Body)}");
        }

        if (verdict == Verdict.Denied && isPage)
        {
            var to = principal.Role is null ? "/signin" : "/access-denied";
            if (result.Location is null || new Uri(Origin, result.Location).AbsolutePath != to)
            {
                wrong.Add($"{cell} redirected to {result.Location ?? "nowhere"}, expected {to}");
            }
        }

        if (verdict == Verdict.Allowed && row.Download is { } media && (result.Disposition != "attachment" || result.MediaType != media))
        {
            wrong.Add($"{cell} sent {result.MediaType} as {result.Disposition ?? "no attachment"}, expected a {media} attachment");
        }

        foreach (var marker in world.Markers.Where(m => !MaySee(verdict, identity, m) && result.Body.Contains(m.Text, StringComparison.Ordinal)))
        {
            wrong.Add($"{cell} leaked the incident report of {marker.Person} in {marker.Tenant}");
        }

        if (effect is not null && (await effect(world, scene, tenant) == before) != (verdict == Verdict.Isolated))
        {
            wrong.Add(verdict == Verdict.Allowed ? $"{cell} changed nothing" : $"{cell} changed another tenant's data");
        }

        return wrong;
    }

    /// <summary>An incident report is seen by its reporter and their tenant's case workers, when served.</summary>
    private static bool MaySee(Verdict verdict, Identity? identity, Marker marker) =>
        verdict == Verdict.Allowed && identity?.Tenant == marker.Tenant
        && (identity.Role == Roles.CaseWorker || (identity.Role == Roles.Employee && identity.Subject == marker.Person));

    private static string Snippet(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
