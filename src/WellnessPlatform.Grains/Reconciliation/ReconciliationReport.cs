namespace WellnessPlatform.Grains.Reconciliation;

/// <summary>
/// The result of recomputing a tenant's counters from its employees: how many people and counters
/// were compared, corrections still in flight, and every difference (none when the aggregates are exact).
/// </summary>
public sealed record ReconciliationReport(int Employees, int Counters, int PendingCorrections, IReadOnlyList<CounterDifference> Differences)
{
    public bool Exact => Differences.Count == 0 && PendingCorrections == 0;
}
