using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The audit table is created on first use; an outage at that moment must not be remembered.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditOutageTests(AzuriteFixture fixture)
{
    private const string Tenant = "audit-outage";

    [Fact]
    public async Task Storage_down_at_the_first_audited_call_is_a_503_and_the_next_audited_call_after_recovery_succeeds()
    {
        var serviceId = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(serviceId);
        await platform.CreateTenantAsync(Tenant, "office");
        await platform.ReadyEmployeeAsync(Tenant, "e1", "office");

        // Consent given straight to the grain, so that no audited route has touched the audit table yet.
        using (TenantContext.System(Api.TestActor, Tenant))
        {
            var employee = platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, "e1"));
            Assert.True((await employee.SetCaseWorkerConsentAsync(true)).IsOk);
        }

        // An audited read: the person's grain answers from memory, the audit row cannot be stored.
        var caseWorker = platform.CaseWorker(Tenant);
        var painTrend = $"/api/tenants/{Tenant}/employees/e1/pain-trend";
        await fixture.Azurite.StopAsync();
        try
        {
            var (status, problem) = await caseWorker.SendForAsync(HttpMethod.Get, painTrend);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(503, (int?)problem!["status"]);
        }
        finally
        {
            await fixture.Azurite.StartAsync();
        }

        var (after, _) = await caseWorker.SendForAsync(HttpMethod.Get, painTrend);
        Assert.Equal(HttpStatusCode.OK, after);

        // The row is in the table, read without the platform.
        var table = new TableClient(fixture.Azurite.ConnectionString, "Audit" + serviceId.Replace("-", string.Empty, StringComparison.Ordinal));
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Tenant))
        {
            rows.Add(row);
        }

        var entry = Assert.Single(rows);
        Assert.Equal(("pain-trend.read", "e1", "cw", "caseworker"), (entry.GetString("Action"), entry.GetString("Subject"), entry.GetString("Actor"), entry.GetString("Role")));
    }
}
