using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>The employee's bounds are enforced where data enters: refused with the field named, nothing changed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EmployeeBoundsGrainTests(ClusterFixture fixture)
{
    private static readonly LoggedExercise[] Routine = [new(ExerciseCatalog.WallSit, 10, 10, null)];

    private async Task<IEmployeeGrain> ReadyEmployeeAsync(string tenantId, params string[] departments)
    {
        await fixture.CreateTenantAsync(tenantId, departments);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, "e1"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", departments.Length > 0 ? departments[0] : "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
        return employee;
    }

    [Fact]
    public async Task The_session_beyond_the_days_cap_is_refused_naming_the_field_and_changes_nothing()
    {
        using var scope = new TenantScope("day-cap");
        var employee = await ReadyEmployeeAsync("day-cap");
        for (var i = 0; i < EmployeeRecord.MaxSessionsPerDay; i++)
        {
            Assert.True((await employee.LogSessionAsync(new LogSession($"s-{i}", null, null, Routine, null, null))).IsOk);
        }

        var refused = await employee.LogSessionAsync(new LogSession("one-too-many", null, null, Routine, 2, 2));
        var asLate = await employee.LogSessionAsync(new LogSession("one-too-many", DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime), null, Routine, null, null));

        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal(("performedAt", "day_full"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.Equal(("day", "day_full"), (Assert.Single(asLate.Errors).Field, asLate.Errors[0].Code));
        Assert.Equal(EmployeeRecord.MaxSessionsPerDay, (await employee.GetSessionsAsync()).Value!.Count);
        Assert.Empty((await employee.GetProgressAsync()).Value!.PainTrend);
        var sessions = (await Shards.CountersAsync(fixture.Client, "day-cap")).Where(kv => kv.Key.Metric == Metric.Sessions).Sum(kv => kv.Value);
        Assert.Equal(EmployeeRecord.MaxSessionsPerDay, sessions);

        // A retry of a session already logged still gets its first receipt.
        Assert.True((await employee.LogSessionAsync(new LogSession("s-3", null, null, Routine, null, null))).Value!.Duplicate);
    }

    [Fact]
    public async Task The_check_in_beyond_the_days_cap_is_refused_naming_the_field_and_changes_nothing()
    {
        using var scope = new TenantScope("checkin-cap");
        var employee = await ReadyEmployeeAsync("checkin-cap");
        for (var i = 0; i < EmployeeRecord.MaxCheckInsPerDay; i++)
        {
            Assert.True((await employee.CheckInPainAsync(new PainCheckIn($"c-{i}", 3, PainContext.Daily))).IsOk);
        }

        var refused = await employee.CheckInPainAsync(new PainCheckIn("one-too-many", 9, PainContext.Daily));

        Assert.Equal(("clientCheckInId", "day_full"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        var pain = (await employee.GetProgressAsync()).Value!.PainTrend;
        Assert.Equal(EmployeeRecord.MaxCheckInsPerDay, pain.Count);
        Assert.DoesNotContain(pain, p => p.Pain == 9);
    }

    [Fact]
    public async Task Through_an_outage_that_loses_every_answer_the_outbox_stays_at_its_cap_and_the_shard_ends_exact()
    {
        using var scope = new TenantScope("outage");
        string[] departments = ["office", "lab", "yard"];
        var employee = await ReadyEmployeeAsync("outage", departments);
        await SettleAsync(employee);

        // Each move is a correction (moves on one day replace each other, so three in a row cancel out).
        // The shard applies every delivery and the employee hears nothing back. The outbox fills, then
        // holds back its newest entry and merges into it; the move count ends on a fresh entry held back.
        const int moves = (2 * EmployeeRecord.MaxOutboxEntries) + 1;
        using (ShardOutage.Start("outage"))
        {
            for (var i = 0; i < moves; i++)
            {
                Assert.True((await employee.MoveToDepartmentAsync(departments[(i + 1) % 3])).IsOk);
            }

            Assert.Equal(EmployeeRecord.MaxOutboxEntries, (await employee.ReconcileAsync()).PendingCorrections);
        }

        var share = await SettleAsync(employee);
        Assert.Equal(Shards.Sorted(share.Counters), Shards.Sorted(await Shards.CountersAsync(fixture.Client, "outage")));
        Assert.Equal(departments[moves % 3], (await employee.GetStatusAsync()).Value!.Department);
    }

    [Fact]
    public async Task A_move_that_finds_no_room_among_unreleased_periods_is_refused_and_changes_nothing()
    {
        using var scope = new TenantScope("moves");
        await fixture.CreateTenantAsync("moves", "office", "lab");
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var stored = new EmployeeState
        {
            Enrolled = true,
            EnrolledOn = today.AddDays(-EmployeeRecord.MaxDepartmentPeriods),
            ShardCount = 2,
            ContributorToken = Guid.NewGuid(),
            Plan = PlanSettings.Default with { PhaseTargets = new List<int>(PlanSettings.Default.PhaseTargets) }, // a type the test storage's JSON can name
        };
        for (var i = 0; i < EmployeeRecord.MaxDepartmentPeriods; i++)
        {
            stored.Departments.Add(new DepartmentPeriod(i % 2 == 0 ? "office" : "lab", stored.EnrolledOn.AddDays(i)));
        }

        await StoredState.WriteAsync(fixture, GrainTypes.Employee, GrainKeys.Employee("moves", "mover"), StorageNames.EmployeeState, stored);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("moves", "mover"));

        var refused = await employee.MoveToDepartmentAsync("office");
        var reEnrolled = await employee.EnrolAsync(new Enrolment("Europe/Berlin", "office", []));

        Assert.Equal((OutcomeKind.Conflict, "too_many_department_moves"), (refused.Kind, refused.Code));
        Assert.Equal((OutcomeKind.Conflict, "too_many_department_moves"), (reEnrolled.Kind, reEnrolled.Code));
        var export = (await employee.ExportAsync()).Value!;
        Assert.Equal(stored.Departments, export.Departments);
        Assert.Equal("Etc/UTC", export.TimeZone);
        Assert.Empty(export.EarlierDepartments);
    }

    [Fact]
    public async Task Clearance_by_a_name_longer_than_a_token_subject_is_refused()
    {
        using var scope = new TenantScope("clear-long");
        await fixture.CreateTenantAsync("clear-long");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("clear-long", "e1"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(8, false, false, []))).Value!.Held);

        var refused = await employee.RecordClearanceAsync(new string('c', EmployeeRecord.MaxActorLength + 1));

        Assert.Equal(("clearedBy", OutcomeKind.Invalid), (Assert.Single(refused.Errors).Field, refused.Kind));
        Assert.True((await employee.GetStatusAsync()).Value!.OnHold);
        Assert.True((await employee.RecordClearanceAsync(new string('c', EmployeeRecord.MaxActorLength))).IsOk);
    }

    /// <summary>Lets deliveries, the shard's flushes and retries run until nothing is pending; returns the person's whole share.</summary>
    private async Task<ContributionSnapshot> SettleAsync(IEmployeeGrain employee)
    {
        for (var round = 0; round < 40; round++)
        {
            var snapshot = await employee.ReconcileAsync();
            if (snapshot.PendingCorrections == 0)
            {
                return snapshot;
            }

            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        throw new TimeoutException("Corrections are still pending.");
    }
}
