using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Privacy;
using WellnessPlatform.Domain.Roster;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Grains.Aggregation;
using WellnessPlatform.Grains.Roster;
using WellnessPlatform.Grains.Tenants;
using Xunit.Abstractions;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>
/// The tenant-side states built at their documented bounds, all at once, and measured as the Azure
/// Table provider stores them: each must stay under 512 KiB (Azure Table holds about 960 KiB).
/// </summary>
public sealed class TenantSideStateBoundTests(ITestOutputHelper output)
{
    // The fullest shard of a roster at capacity holds about 6,500 people (TenantConfig.PeoplePerShard).
    private const int MaxContributors = 8_192;

    private static readonly IReadOnlyList<string> Departments =
        [.. Enumerable.Range(0, TenantConfig.MaxDepartments).Select(i => $"d{i:D3}-" + new string('x', 59))];

    [Fact]
    public void A_shard_with_its_open_weeks_full_in_every_department_and_its_most_contributors_fits()
    {
        var counters = new Dictionary<CellKey, long>();
        var weeks = Enumerable.Range(40, CounterRetention.MaxOpenWeeks + 1).Select(w => $"2026-W{w:D2}").ToList();
        foreach (var department in Departments)
        {
            foreach (var week in weeks)
            {
                // Each counter at the largest value a shard of MaxContributors can reach: people, or
                // sessions at the daily cap on every day of the week, or pain change of ±10 each.
                foreach (var metric in new[] { Metric.Active, Metric.MetTarget, Metric.PainChangeCount, Metric.Joined, Metric.Left })
                {
                    counters[new CellKey(week, department, metric)] = MaxContributors;
                }

                counters[new CellKey(week, department, Metric.Sessions)] = MaxContributors * 7L * EmployeeRecord.MaxSessionsPerDay;
                counters[new CellKey(week, department, Metric.PainChangeSum)] = -10L * MaxContributors;
                for (var bucket = 0; bucket <= CellKey.MaxStreakBucket; bucket++)
                {
                    counters[new CellKey(week, department, Metric.StreakWeeks, bucket)] = MaxContributors;
                }
            }

            foreach (var metric in new[] { Metric.Joined, Metric.Left, Metric.ScreenedHeld, Metric.ScreenedClear })
            {
                counters[new CellKey(CounterRetention.FoldedWeek, department, metric)] = int.MaxValue;
            }
        }

        var state = new ShardState { Rows = CounterRow.Pack(counters), ReleasedThrough = "2026-W39" };
        for (var i = 0; i < MaxContributors; i++)
        {
            // Sequences count a person's commits: four billion is a commit a minute for eight thousand years.
            state.Applied[Guid.NewGuid()] = uint.MaxValue - i;
        }

        for (var i = 0; i < ForgottenTokens.Max; i++)
        {
            ForgottenTokens.Remember(state.Forgotten, Guid.NewGuid());
        }

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"ShardState at its bound: {bytes:N0} bytes ({counters.Count:N0} counters, {state.Applied.Count:N0} contributors, {state.Forgotten.Count:N0} forgotten)");
        Assert.InRange(bytes, 1, StoredSize.Limit);
        var unpacked = new Dictionary<CellKey, long>();
        CounterRow.Unpack(back.Rows, unpacked);
        Assert.Equal(counters, unpacked);
        Assert.Equal(state.Applied, back.Applied);
        Assert.Equal(state.Forgotten, back.Forgotten);

        // Its departed share has the same shape as the counters, in its own state.
        var departed = new DepartedState { Rows = state.Rows };
        for (var i = 0; i < ForgottenTokens.Max + 10; i++)
        {
            ForgottenTokens.Remember(departed.Included, Guid.NewGuid());
        }

        var (departedBytes, departedBack) = StoredSize.Of(departed);
        output.WriteLine($"DepartedState at its bound: {departedBytes:N0} bytes ({departed.Included.Count:N0} included tokens)");
        Assert.InRange(departedBytes, 1, StoredSize.Limit);
        Assert.Equal(ForgottenTokens.Max, departedBack.Included.Count);
        Assert.Equal(departed.Included, departedBack.Included);
    }

    [Fact]
    public void A_tenant_with_every_department_and_a_privacy_ledger_fits_and_keeps_no_week_in_its_row()
    {
        var config = new TenantConfig(new string('N', 120), Departments, "America/Argentina/ComodRivadavia",
            new PrivacyThresholds(50, 50), PlanSettings.Default, "https://" + new string('r', 2000), "https://" + new string('c', 2000),
            TenantConfig.MaxShards, new DifferentialPrivacySettings(true, 0.5, 100), new string('t', 64) + "@" + new string('o', 185) + ".com");
        var state = new TenantState { Config = config, ListsInTables = true, CaseWorkUnsubscribeToken = new string('u', 43) };
        foreach (var department in Departments)
        {
            state.Released.Pool.Departments[department] = new PublishedEnrolment(int.MaxValue, long.MaxValue);
        }

        state.Released.LastReleased = "2026-W47";
        state.Released.Screening = new ScreeningCounts(int.MaxValue, int.MaxValue);
        state.Released.Budget.Spent = 99.5;
        state.Released.Budget.Releases = int.MaxValue;

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"TenantState at its bound: {bytes:N0} bytes");
        Assert.InRange(bytes, 1, StoredSize.Limit);
        Assert.Equal(Departments, back.Config!.Departments);
        Assert.Empty(back.Released.Weeks);
    }

    [Fact]
    public void A_released_week_with_every_department_fits_in_one_table_property()
    {
        var cell = new AdherenceCell(int.MaxValue, int.MaxValue, int.MaxValue, 0.123456789, int.MaxValue, 12.3456789, 26, -3.456789, true, true, true, true, true);
        var week = new AdherenceWeek("2026-W47", cell, Departments.ToDictionary(d => d, _ => cell),
            Enumerable.Range(0, CellKey.MaxStreakBucket + 1).ToDictionary(b => $"{b}-{b + 1} weeks", b => b));

        var bytes = StoredSize.Serializer.SerializeToArray(week).Length;
        output.WriteLine($"Released week row at its bound: {bytes:N0} bytes");

        // One binary property of an Azure Table entity holds at most 64 KiB.
        Assert.InRange(bytes, 1, 64 * 1024);
    }

    [Fact]
    public void A_roster_upload_keeps_counts_and_at_most_its_listed_errors_whatever_the_file_size()
    {
        var state = new RosterImportState
        {
            Phase = ImportPhase.Completed,
            Lines = RosterCsv.MaxLines,
            Accepted = RosterCsv.MaxLines,
            Processed = RosterCsv.MaxLines,
            StartedAt = DateTimeOffset.UtcNow,
            StartedBy = new string('a', 256),
            Errors = [.. Enumerable.Range(0, RosterImportStatus.MaxErrorsListed).Select(i =>
                new RosterLineError(RosterCsv.MaxLines - i, "department", "unknown_department", new string('m', 200)))],
        };

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"RosterImportState at its bound: {bytes:N0} bytes");
        Assert.InRange(bytes, 1, StoredSize.Limit);
        Assert.Equal(RosterImportStatus.MaxErrorsListed, back.Errors.Count);
    }
}
