using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Rights;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Grains.Roster;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// Erasure as a durable process (issue 14, item 4): a process interrupted after its first steps is
/// resumed by its reminder and finishes; a repeated or concurrent request joins it or finds nothing
/// left, and nothing is counted or logged twice. Asserted on storage, not on the answers.
/// </summary>
public sealed class ErasureProcessTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Person = "leaver";

    [Fact]
    public async Task An_erasure_interrupted_after_its_first_steps_is_finished_by_its_reminder()
    {
        const string T = "erase-resume";
        using var scope = new TenantScope(T);
        var (process, shardKey) = await PersonWithACaseAsync(T);

        // The case's writes fail like an outage: routine record and invitation are gone, the case is not.
        // The outage lasts until healed, so the reminder's ticks cannot finish the process before it is read.
        fixture.Faults.FailNextWrites(IncidentGrainId(T), 1_000);
        var reference = await process.RequestAsync(new ErasureRequest(Person, "employee"));
        var pending = await Drive(process.RunAsync(reference));
        Assert.Equal((OutcomeKind.Conflict, ErasureGrain.PendingCode), (pending.Kind, pending.Code));
        Assert.Contains(reference, pending.Detail, StringComparison.Ordinal);

        var stored = await StoredAsync<ErasureState>(StorageNames.ErasureState, ErasureGrainId(T));
        Assert.Equal(reference, stored!.Reference);
        Assert.Equal(ErasureSteps.Routine | ErasureSteps.Invitation, stored.Done);
        Assert.Equal("erasure", Assert.Single(await fixture.RemindersAsync(ErasureGrainId(T))).ReminderName);

        // Storage recovers and nobody asks again: the reminder alone finishes the process and removes
        // itself and its state.
        fixture.Faults.Heal(IncidentGrainId(T));
        await WaitUntilAsync(async () => await StoredAsync<ErasureState>(StorageNames.ErasureState, ErasureGrainId(T)) is null
            && (await fixture.RemindersAsync(ErasureGrainId(T))).Count == 0);

        Assert.Null(await StoredAsync<EmployeeState>(StorageNames.EmployeeState, GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(T, Person))));
        Assert.Null(await fixture.SiloServices.GetRequiredService<RosterTable>().GetAsync(T, Person));
        Assert.Equal(reference, (await StoredAsync<Incidents.IncidentState>(StorageNames.IncidentState, IncidentGrainId(T)))!.EmployeeId);
        await DepartureAssertions.AssertLeftOnceAsync(fixture.Client, shardKey);
        await AssertAuditAsync(T, reference);
    }

    [Fact]
    public async Task Requests_repeated_during_and_after_an_erasure_join_it_or_find_nothing_and_double_nothing()
    {
        const string T = "erase-twice";
        using var scope = new TenantScope(T);
        var (process, shardKey) = await PersonWithACaseAsync(T);

        // The case cannot be stored for a while, so the process stays pending through its reminder's ticks.
        fixture.Faults.FailNextWrites(IncidentGrainId(T), 1_000);
        var reference = await process.RequestAsync(new ErasureRequest("hr-admin", "tenantAdmin"));
        Assert.Equal(ErasureGrain.PendingCode, (await Drive(process.RunAsync(reference))).Code);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a tick or so, which must not repeat the steps done

        // While it is pending, a second request joins the same process, and finishes it once storage is back.
        Assert.Equal(reference, await process.RequestAsync(new ErasureRequest(Person, "employee")));
        Assert.Equal(ErasureGrain.PendingCode, (await Drive(process.RunAsync(reference))).Code);
        fixture.Faults.Heal(IncidentGrainId(T));
        var done = await Drive(process.RunAsync(reference));
        Assert.True(done.IsOk, done.Detail);
        Assert.Equal((reference, true, true), (done.Value!.Reference, done.Value.RoutineRemoved, done.Value.InvitationRemoved));
        Assert.Empty(await fixture.RemindersAsync(ErasureGrainId(T)));

        // Afterwards, two more at once: a new process that finds nothing held, answered alike to both.
        var again = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var r = await process.RequestAsync(new ErasureRequest(Person, "employee"));
            return await Drive(process.RunAsync(r));
        }));
        Assert.All(again, o => Assert.Equal("not_enrolled", o.Code));
        Assert.Null(await StoredAsync<ErasureState>(StorageNames.ErasureState, ErasureGrainId(T)));

        await DepartureAssertions.AssertLeftOnceAsync(fixture.Client, shardKey);
        var erased = await AssertAuditAsync(T, reference);
        Assert.Equal(("hr-admin", "tenantAdmin", "requested through a tenant admin"), (erased.Actor, erased.Role, erased.Detail));

        // The process refuses a caller acting for another tenant on its own.
        scope.Dispose();
        using (new TenantScope("erase-elsewhere"))
        {
            await Assert.ThrowsAsync<TenantBoundaryException>(() => process.RequestAsync(new ErasureRequest(Person, "employee")));
        }
    }

    private static GrainId ErasureGrainId(string tenant) => GrainId.Create(GrainTypes.Erasure, GrainKeys.Erasure(tenant, Person));

    private static GrainId IncidentGrainId(string tenant) => GrainId.Create(GrainTypes.Incident, GrainKeys.Incident(tenant, "c1"));

    /// <summary>In the caller's tenant scope: an invited, screened person with a session and a reported case.</summary>
    private async Task<(IErasureGrain Process, string ShardKey)> PersonWithACaseAsync(string tenant)
    {
        await fixture.CreateTenantAsync(tenant);
        Assert.True((await fixture.Client.GetGrain<IRosterGrain>(GrainKeys.Roster(tenant)).InviteAsync(Person, "office", "hr-admin")).IsOk);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, Person));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
        Assert.True((await employee.LogSessionAsync(new LogSession("s-1", null, null, [new LoggedExercise(ExerciseCatalog.PartialCrunch, 10, 1, null)], null, null))).IsOk);
        var report = new IncidentReport(ClusterFixture.Start.AddHours(-2), "Dock", "Lifting", "Pulled", "Strain", "Back", TreatmentSought.None, false);
        Assert.True((await fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, "c1")).ReportAsync(Person, report)).IsOk);

        // Let the session's batched flush land first.
        for (var i = 0; i < 5; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return (fixture.Client.GetGrain<IErasureGrain>(GrainKeys.Erasure(tenant, Person)), GrainKeys.Shard(tenant, GrainKeys.ShardIndex(Person, 2)));
    }

    /// <summary>A grain's state as storage holds it; null when there is no row.</summary>
    private async Task<T?> StoredAsync<T>(string stateName, GrainId grain)
        where T : class
    {
        var stored = new GrainState<T>();
        await fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState).ReadStateAsync(stateName, grain, stored);
        return stored.RecordExists ? stored.State : null;
    }

    /// <summary>No audit row names the person; exactly one records the erasure, under its reference.</summary>
    private async Task<AuditEntry> AssertAuditAsync(string tenant, string reference)
    {
        var audit = fixture.SiloServices.GetRequiredService<AuditTable>();
        await foreach (var row in audit.QueryPersonAsync(tenant, Person))
        {
            Assert.Fail($"An audit row still names the person: {row.RowKey}");
        }

        var rows = await audit.GetAsync();
        var erased = new List<AuditEntry>();
        await foreach (var row in rows.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == tenant))
        {
            if (AuditTable.ToEntry(row) is { Action: "employee.erased" } entry)
            {
                erased.Add(entry);
            }
        }

        var single = Assert.Single(erased);
        Assert.Equal(reference, single.Subject);
        return single;
    }

    /// <summary>Moves the clock while a call runs: the shard stores on its flush timer.</summary>
    private async Task<T> Drive<T>(Task<T> call)
    {
        while (!call.IsCompleted)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        return await call;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done())
            {
                return;
            }

            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        Assert.Fail("The erasure did not finish by its reminder within 30 s.");
    }
}
