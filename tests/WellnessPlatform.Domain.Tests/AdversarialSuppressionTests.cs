using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Testing.Privacy;
using Xunit.Abstractions;

namespace WellnessPlatform.Domain.Tests;

/// <summary>
/// An HR user who asks for every week range at the end of every week of a seeded tenant (small
/// departments, a single new joiner, a leaver, a department change) and attacks the answers. The
/// releases are made as the tenant grain makes them: each week once, in order, then kept.
/// </summary>
public sealed class AdversarialSuppressionTests(ITestOutputHelper output)
{
    public static TheoryData<int, int> Thresholds => new() { { 3, 5 }, { 5, 10 }, { 3, 3 } };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Every_range_at_every_time_recovers_nobody(int k, int kHealth)
    {
        var tenant = SyntheticTenant.Seeded();
        var thresholds = new PrivacyThresholds(k, kHealth);
        var attacker = new PrivacyAttacker(k, kHealth);
        var truth = new CounterTruth(k, kHealth);
        var pool = new MembershipPool();
        var frozen = new List<AdherenceWeek>();
        ScreeningCounts? screening = null;
        for (var t = 0; t < SyntheticTenant.Weeks; t++)
        {
            var counters = tenant.Counters(t);
            truth.Record(t, counters);
            var index = new CounterIndex(counters);
            frozen.Add(AdherenceReportBuilder.ReleaseWeek(index, SyntheticTenant.Week(t), thresholds, pool, ExactRates.Instance));
            screening = ScreeningCounts.Next(index.Screening, screening, kHealth);
            for (var n = 1; n <= frozen.Count; n++)
            {
                var report = AdherenceReportBuilder.Report(thresholds, SyntheticTenant.Departments, index.Departments, frozen[^n..],
                    ScreeningCounts.Summary(screening, kHealth), null);
                attacker.Observe(Releases.FromReport(report, $"t{t} weeks={n}", t));
            }
        }

        var findings = attacker.Attack();
        var note = AttackReport.Summarize($"Builder, k={k}/{kHealth}", attacker, findings, truth.IsRecovery);
        output.WriteLine(note);
        AttackReport.Write($"privacy-attack-domain-k{k}-{kHealth}.txt", note);
        Assert.True(attacker.Combinations > 10_000, note);
        Assert.DoesNotContain(findings, truth.IsRecovery);
    }

    [Fact]
    public void The_same_attack_recovers_people_from_a_release_without_complementary_suppression_or_pooling()
    {
        var tenant = SyntheticTenant.Seeded();
        var attacker = new PrivacyAttacker(3, 5);
        var truth = new CounterTruth(3, 5);
        for (var t = 0; t < SyntheticTenant.Weeks; t++)
        {
            var counters = tenant.Counters(t);
            truth.Record(t, counters);
            var weeks = Enumerable.Range(0, t + 1).Select(SyntheticTenant.Week).ToList();
            attacker.Observe(NaiveRelease.From(counters, weeks, SyntheticTenant.Departments, 3, 5, $"naive t{t}", t));
        }

        var findings = attacker.Attack();
        var recovered = findings.Where(truth.IsRecovery).ToList();
        var note = AttackReport.Summarize("Weakened control", attacker, findings, truth.IsRecovery);
        output.WriteLine(note);
        Assert.Contains(recovered, f => f.Attack == "row");         // the lone hidden department = total − the others
        Assert.Contains(recovered, f => f.Attack == "membership");  // the single joiner, leaver and mover
        Assert.Contains(recovered, f => f.Attack == "standing");    // the joiner's screening hold
    }
}
