using WellnessPlatform.Grains.Reconciliation;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A reconciliation report to its API form.</summary>
internal static class ReconciliationMapping
{
    public static ReconciliationResponse ToResponse(this ReconciliationReport r) => new(
        r.Employees, r.Counters, r.PendingCorrections,
        [.. r.Differences.Select(d => new CounterDifferenceResponse(d.Week, d.Department, WireEnum.Name(d.Metric), d.Bucket, d.Expected, d.Actual))],
        r.Exact);
}
