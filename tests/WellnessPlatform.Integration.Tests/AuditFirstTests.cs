using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains;
using WellnessPlatform.Grains.Incidents;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// A case-work change and its audit row are one unit (issue 13, defect e): when the audit log cannot be
/// written the change is not made, and a change that is made leaves a row that says how it ended.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditFirstTests(AzuriteFixture fixture)
{
    private const string T = "audit-first";

    [Fact]
    public async Task A_change_whose_audit_row_cannot_be_written_is_not_made_and_a_made_change_is_settled_in_its_row()
    {
        var service = AzuriteFixture.NewServiceId();
        string incidentId;
        await using (var platform = fixture.NewPlatform(service))
        {
            incidentId = await platform.TenantWithReportedIncidentAsync(T, "r1", "office");

            // A made change: its row is written first and then says how it ended.
            await platform.CaseWorker(T).SendOkAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{incidentId}/transitions", new { to = "triaged" });
            var audit = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Audit" + service.Replace("-", string.Empty, StringComparison.Ordinal));
            var rows = new List<TableEntity>();
            await foreach (var row in audit.QueryAsync<TableEntity>(r => r.PartitionKey == T))
            {
                rows.Add(row);
            }

            Assert.Equal("done", rows.Single(r => r.GetString("Action") == "incident.transition").GetString("Outcome"));
            Assert.Equal("done", rows.Single(r => r.GetString("Action") == "incident.reported").GetString("Outcome"));
        }

        // The same platform with an audit log that storage refuses ("Tables" has the form of a table name, so
        // the host starts, but the name is reserved): the next transition must not happen.
        await using (var broken = fixture.NewPlatform(service, settings: new Dictionary<string, string> { ["WellnessPlatform:Audit:TableName"] = "Tables" }))
        {
            var (status, _) = await broken.CaseWorker(T).SendForAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{incidentId}/transitions", new { to = "inTreatment" });
            Assert.True(status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError, $"answered {(int)status}");

            // Read from storage itself: the case is still where the last audited change left it.
            var storage = broken.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
            var state = new GrainState<IncidentState>(new IncidentState());
            await storage.ReadStateAsync(StorageNames.IncidentState, GrainId.Create(GrainTypes.Incident, GrainKeys.Incident(T, incidentId)), state);
            Assert.Equal(IncidentStatus.Triaged, state.State!.Timeline[^1].Status);
        }
    }
}
