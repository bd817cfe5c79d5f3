using Azure.Data.Tables;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.CareQueue;

namespace WellnessPlatform.Grains.Tests.CareQueue;

/// <summary>
/// The employee grain keeps its entries in the work queue's table: held people until cleared, rising
/// pain while consented, retried through an outage of the table, and gone after erasure. Moves the clock
/// (retry timers, the shard's flush) and fails the queue's writes, so it has a cluster of its own.
/// </summary>
public sealed class CareQueueGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(ClusterFixture.Start.UtcDateTime);

    private async Task<IEmployeeGrain> ScreenedAsync(string tenantId, string employeeId, int pain)
    {
        await fixture.CreateTenantAsync(tenantId);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, employeeId));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(pain, false, false, []))).IsOk);
        return employee;
    }

    private ICareQueueGrain Queue(string tenantId) => fixture.Client.GetGrain<ICareQueueGrain>(GrainKeys.CareQueue(tenantId));

    private async Task<IReadOnlyList<CareQueueItem>> ListedAsync(string tenantId, CareQueueKind kind) =>
        (await Queue(tenantId).QueryAsync(new CareQueueQuery(kind))).Items;

    /// <summary>The tenant's rows, read from the table itself rather than through the grains.</summary>
    private async Task<List<TableEntity>> RowsAsync(string tenantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in fixture.Tables.GetTableClient("WellnessCareQueue").QueryAsync<TableEntity>(e => e.PartitionKey == tenantId))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task A_person_held_at_screening_awaits_clearance_with_the_day_of_the_hold_and_leaves_the_queue_once_cleared()
    {
        using var scope = new TenantScope("cq-held");
        var employee = await ScreenedAsync("cq-held", "held", pain: 8);

        var listed = Assert.Single(await ListedAsync("cq-held", CareQueueKind.AwaitingClearance));
        Assert.Equal(new CareQueueItem(CareQueueKind.AwaitingClearance, "held", null, Today), listed);
        Assert.Equal(1, (await Queue("cq-held").CountsAsync())[CareQueueKind.AwaitingClearance]);

        Assert.True((await employee.RecordClearanceAsync("cw")).IsOk);

        Assert.Empty(await ListedAsync("cq-held", CareQueueKind.AwaitingClearance));
        Assert.All((await Queue("cq-held").CountsAsync()).Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task Rising_pain_is_listed_only_while_the_person_consents()
    {
        using var scope = new TenantScope("cq-pain");
        var employee = await ScreenedAsync("cq-pain", "rising", pain: 2);
        Assert.True((await employee.CheckInPainAsync(new PainCheckIn("p-1", 5, PainContext.Daily))).IsOk);
        Assert.True((await employee.CheckInPainAsync(new PainCheckIn("p-2", 5, PainContext.Daily))).IsOk);
        Assert.Empty(await ListedAsync("cq-pain", CareQueueKind.PainRising));

        Assert.True((await employee.SetCaseWorkerConsentAsync(true)).IsOk);
        Assert.Equal("rising", Assert.Single(await ListedAsync("cq-pain", CareQueueKind.PainRising)).EmployeeId);

        Assert.True((await employee.SetCaseWorkerConsentAsync(false)).IsOk);
        Assert.Empty(await ListedAsync("cq-pain", CareQueueKind.PainRising));
        Assert.Equal(0, (await Queue("cq-pain").CountsAsync())[CareQueueKind.PainRising]);
    }

    [Fact]
    public async Task A_hold_whose_queue_write_failed_is_listed_by_the_retry_once_the_table_is_back_and_counted_once()
    {
        using var scope = new TenantScope("cq-outage");
        IEmployeeGrain employee;
        using (CareQueueOutage.Start("cq-outage"))
        {
            // The screening itself is stored and answered: the queue is not the person's record.
            employee = await ScreenedAsync("cq-outage", "held", pain: 8);
            Assert.True((await employee.GetStatusAsync()).Value!.OnHold);
            for (var i = 0; i < 3; i++)
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(4));
                await Task.Delay(100);
            }

            Assert.Empty(await ListedAsync("cq-outage", CareQueueKind.AwaitingClearance));
        }

        for (var i = 0; i < 50 && (await ListedAsync("cq-outage", CareQueueKind.AwaitingClearance)).Count == 0; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(4));
            await Task.Delay(100);
        }

        Assert.Equal("held", Assert.Single(await ListedAsync("cq-outage", CareQueueKind.AwaitingClearance)).EmployeeId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(200);
        Assert.Equal(1, (await Queue("cq-outage").CountsAsync())[CareQueueKind.AwaitingClearance]);
        Assert.Single(await RowsAsync("cq-outage"), r => r.RowKey != CareQueueTable.CountsRowKey);
    }

    [Fact]
    public async Task After_erasure_nothing_of_the_person_remains_in_the_queue_table()
    {
        using var scope = new TenantScope("cq-erase");
        var employee = await ScreenedAsync("cq-erase", "gone", pain: 8);
        Assert.True((await employee.SetCaseWorkerConsentAsync(true)).IsOk);
        Assert.True((await employee.CheckInPainAsync(new PainCheckIn("p-1", 10, PainContext.Daily))).IsOk);
        Assert.True((await employee.CheckInPainAsync(new PainCheckIn("p-2", 10, PainContext.Daily))).IsOk);
        Assert.Equal(2, (await RowsAsync("cq-erase")).Count(r => r.GetString("EmployeeId") == "gone"));

        var erasing = employee.EraseAsync();
        while (!erasing.IsCompleted)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1)); // lets the shard's flush timer run
            await Task.Delay(50);
        }

        Assert.True((await erasing).IsOk);
        var rows = await RowsAsync("cq-erase");
        Assert.DoesNotContain(rows, r => r.RowKey.Contains("gone", StringComparison.Ordinal) || r.GetString("EmployeeId") == "gone");
        Assert.All((await Queue("cq-erase").CountsAsync()).Values, count => Assert.Equal(0, count));
    }
}
