using WellnessPlatform.Contracts;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Roster;
using WellnessPlatform.Grains.Aggregation;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Incidents;
using WellnessPlatform.Grains.Roster;
using WellnessPlatform.Grains.Tenants;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// What the users did when version 1 was recorded (see UpgradeSnapshotRecorder), read field by field
/// from the golden files: each state kind keeps the values that matter to the person or the employer.
/// </summary>
public sealed class StoredStateValueTests
{
    /// <summary>The one golden file of the state whose name matches the pattern, decoded.</summary>
    private static T Read<T>(string state, string pattern)
    {
        var folder = Path.Combine(UpgradeSnapshot.StatesFolder(UpgradeSnapshot.Folder), state);
        var file = Assert.Single(Directory.GetFiles(folder, pattern));
        return Assert.IsType<T>(UpgradeSnapshot.Decode(state, File.ReadAllBytes(file)));
    }

    [Fact]
    public void The_new_starter_keeps_enrolment_screening_the_first_session_and_check_in()
    {
        var starter = Read<EmployeeState>(StorageNames.EmployeeState, "wp-employee_demo_emp-new.bin");

        Assert.True(starter.Enrolled);
        Assert.Equal("Europe/Berlin", starter.TimeZone);
        Assert.Equal(new DateOnly(2026, 11, 30), starter.EnrolledOn);
        Assert.Equal("office", Assert.Single(starter.Departments).Department);
        Assert.Equal((5, true), (starter.Screening!.PainIntensity, starter.Screening.WorkRelated));
        Assert.False(starter.ScreeningOutcome!.Held);
        Assert.Equal([DayOfWeek.Sunday], Assert.Single(starter.RestDays).Days);
        var session = Assert.Single(starter.Sessions);
        Assert.Equal(("v1-session-1", 5, 4), (session.ClientSessionId, session.PainBefore, session.PainAfter));
        Assert.Equal(("v1-pain-1", 5), (Assert.Single(starter.CheckIns).ClientCheckInId, starter.CheckIns[0].Pain));
        Assert.True(starter.CaseWorkerConsent);
        Assert.NotEqual(Guid.Empty, starter.ContributorToken);
    }

    [Fact]
    public void Pause_clearance_restrictions_and_imported_history_are_kept()
    {
        var paused = Read<EmployeeState>(StorageNames.EmployeeState, "wp-employee_demo_emp-002.bin");
        Assert.Equal(new PauseRange(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 14), PauseKind.Medical), Assert.Single(paused.Pauses));

        var cleared = Read<EmployeeState>(StorageNames.EmployeeState, "wp-employee_demo_emp-007.bin");
        Assert.True(cleared.ScreeningOutcome!.Held);
        Assert.Equal("cw", cleared.ClearedBy);
        Assert.NotNull(cleared.ClearedAt);

        var restricted = Read<EmployeeState>(StorageNames.EmployeeState, "wp-employee_demo_emp-001.bin");
        Assert.Equal(["wall-sit"], restricted.RestrictedExercises);
        Assert.True(restricted.CaseWorkerConsent);
        Assert.Equal(6, restricted.Sessions.Count);
        Assert.Equal("warehouse", Assert.Single(restricted.Departments).Department);
    }

    [Fact]
    public void The_reported_case_keeps_its_report_and_timeline()
    {
        var folder = Path.Combine(UpgradeSnapshot.StatesFolder(UpgradeSnapshot.Folder), StorageNames.IncidentState);
        var cases = Directory.GetFiles(folder, "*.bin").Select(file => Assert.IsType<IncidentState>(UpgradeSnapshot.Decode(StorageNames.IncidentState, File.ReadAllBytes(file)))).ToList();
        Assert.Equal(["emp-004", "emp-005", "emp-030"], cases.Select(c => c.EmployeeId).Order(StringComparer.Ordinal));
        var incident = cases.Single(c => c.EmployeeId == "emp-004");

        Assert.Equal("emp-004", incident.EmployeeId);
        Assert.Equal(("Loading bay 3", TreatmentSought.Clinician), (incident.Report!.Location, incident.Report.Treatment));
        Assert.Equal([(IncidentStatus.Reported, "emp-004"), (IncidentStatus.Triaged, "cw")], incident.Timeline.Select(t => (t.Status, t.Actor)));
        Assert.Equal("Called the employee", incident.Timeline[^1].Note);
    }

    [Fact]
    public void The_upload_keeps_its_counts_and_the_rejected_line()
    {
        var upload = Read<RosterImportState>(StorageNames.RosterImportState, "wp-roster-import_demo_import-*.bin");

        Assert.Equal(ImportPhase.Completed, upload.Phase);
        Assert.Equal((4, 3, 3, 2, 1, 0, 1), (upload.Lines, upload.Accepted, upload.Processed, upload.Created, upload.Moved, upload.Unchanged, upload.Rejected));
        var error = Assert.Single(upload.Errors);
        Assert.Equal((4, "department", "unknown_department"), (error.Line, error.Field, error.Code));
        Assert.Equal("admin", upload.StartedBy);
    }

    [Fact]
    public void The_tenant_and_the_shards_keep_settings_released_weeks_and_the_departed_share()
    {
        var tenant = Read<TenantState>(StorageNames.TenantState, "wp-tenant_demo.bin");
        Assert.Equal(("Riverside Logistics (demo)", 16), (tenant.Config!.Name, tenant.Config.AggregateShards));
        Assert.Equal(["warehouse", "office", "drivers", "support"], tenant.Config.Departments);
        Assert.True(tenant.ListsInTables);

        // The erased person's share stays with the shard, marked by one token that cannot be traced back.
        var departed = Read<DepartedState>(StorageNames.ShardDepartedState, "wp-shard_demo_shard-1.bin");
        Assert.NotEmpty(departed.Rows);
        Assert.Single(departed.Included);

        var shard = Read<ShardState>(StorageNames.ShardState, "wp-shard_demo_shard-1.bin");
        Assert.True(shard.Rows.Count + shard.Counters.Count > 0);
        Assert.Equal(departed.Included, shard.Forgotten);
    }
}
