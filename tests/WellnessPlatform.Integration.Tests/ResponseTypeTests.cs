using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Integration.Tests.Matrix;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The API answers with the gateway's own response records, never a grain message, a domain value or a
/// stored type, so changing one of those cannot change the API. Every type the app's JSON options build
/// metadata for is recorded while each API route of <see cref="ExpectedAccess"/> is served once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResponseTypeTests(AzuriteFixture fixture)
{
    private static readonly Assembly[] Inner =
    [
        typeof(Contracts.GrainKeys).Assembly,
        typeof(Domain.FieldError).Assembly,
        typeof(Grains.Reconciliation.TenantReconciler).Assembly,
    ];

    [Fact]
    public async Task Every_api_route_answers_with_gateway_response_types_and_nothing_from_contracts_domain_or_grains()
    {
        var recorded = new ConcurrentDictionary<Type, bool>();
        await using var platform = new PlatformFactory(fixture.Azurite, AzuriteFixture.NewServiceId(), services: s => s.Configure<JsonOptions>(o =>
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(info => recorded.TryAdd(info.Type, true))));
        var world = await MatrixWorld.SeedAsync(platform, (fixture.Identity.Issuer("matrix"), fixture.Identity.Issuer("matrix-2")));
        var catalog = await RouteCatalog.ReadAsync(platform.Services);
        var apiRows = ExpectedAccess.Rows.Where(r => catalog.TryGetValue(r.Key, out var isPage) && !isPage).ToList();
        Assert.Equal(catalog.Count(c => !c.Value), apiRows.Select(r => r.Key).Distinct().Count());

        using var sender = new CellSender(platform);
        var dump = Environment.GetEnvironmentVariable("WP_DUMP_RESPONSES");
        foreach (var row in apiRows)
        {
            // The first principal the row serves; fresh data where the request changes something.
            var principal = Principal.All.First(p => AccessRules.Judge(row.Rule, p, row.Isolated is not null) == Verdict.Allowed);
            var scene = row.Fresh is { } fresh ? await fresh(world, world.Shared, world.Shared.Tenant, principal) : world.Shared;
            var result = await sender.SendAsync(row, isPage: false, scene, principal.In(scene));
            Assert.True(result.Status == row.Success, $"{row.Name} answered {(int)result.Status}, expected {(int)row.Success}: {result.Body}");
            if (dump is not null)
            {
                await File.AppendAllTextAsync(dump, $"### {row.Name}\n{result.Body}\n");
            }
        }

        // The recorder works: it saw the gateway's records, nested ones included.
        Assert.Contains(typeof(TodayResponse), recorded.Keys);
        Assert.Contains(typeof(HrDashboardResponse), recorded.Keys);
        Assert.Contains(typeof(EmployeeStatusResponse), recorded.Keys);
        Assert.Contains(typeof(IncidentStepResponse), recorded.Keys);
        Assert.Contains(typeof(EmployeeDataExportResponse), recorded.Keys);
        Assert.Contains(typeof(AuditEntryResponse), recorded.Keys);

        var inner = recorded.Keys.Where(FromInside).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(inner.Count == 0, "API responses serialize types of Contracts, Domain or Grains: " + string.Join(", ", inner));
    }

    [Fact]
    public async Task The_openapi_document_names_response_schemas_after_the_gateway_types()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        using var client = platform.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Contains(nameof(ExerciseResponse), schemas);
        Assert.Contains(nameof(AuditLogResponse), schemas);
        var inner = Inner.SelectMany(a => a.GetTypes()).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var named = schemas.Where(inner.Contains).ToList();
        Assert.True(named.Count == 0, "OpenAPI schemas named after types of Contracts, Domain or Grains: " + string.Join(", ", named));
    }

    private static bool FromInside(Type type) =>
        Inner.Contains(type.Assembly)
        || (type.IsGenericType && type.GetGenericArguments().Any(FromInside))
        || (type.HasElementType && FromInside(type.GetElementType()!));
}
