using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Time;
using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Integration.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ReconciliationTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Reconciliation_finds_the_aggregates_exact_and_reports_a_counter_that_drifted()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("rec", "office", "plant");
        for (var i = 0; i < 6; i++)
        {
            var (http, path) = await platform.ReadyEmployeeAsync("rec", $"e{i}", i % 2 == 0 ? "office" : "plant");
            await http.LogSessionAsync(path, "a");
            await http.LogSessionAsync(path, "a");
            await http.LogSessionAsync(path, "b");
        }

        var admin = platform.Admin("rec");
        var report = await admin.SendOkAsync(HttpMethod.Post, "/api/tenants/rec/reconciliation");
        Assert.Equal(6, (int)report["employees"]!);
        Assert.True((int)report["counters"]! >= 8); // joins, activity, sessions, streaks and screening per department
        Assert.Empty(report["differences"]!.AsArray());
        Assert.True((bool)report["exact"]!);

        // A counter that drifts (here: a correction no employee sent) is reported, without naming anyone.
        var shard = platform.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("rec", 0));
        // Next week: no one has logged anything there yet, and it cannot have been released.
        var thisWeek = LocalCalendar.IsoWeek(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        using (TenantContext.System(Api.TestActor, "rec"))
        {
            await shard.ApplyAsync(Guid.NewGuid(), [new OutboxEntry(1, new Dictionary<CellKey, long> { [new CellKey(thisWeek, "plant", Metric.Sessions)] = 5 })], 0);
        }

        report = await admin.SendOkAsync(HttpMethod.Post, "/api/tenants/rec/reconciliation");
        var difference = Assert.Single(report["differences"]!.AsArray())!;
        Assert.Equal((thisWeek, "plant", 0L, 5L), ((string)difference["week"]!, (string)difference["department"]!, (long)difference["expected"]!, (long)difference["actual"]!));
        Assert.False((bool)report["exact"]!);
    }
}
