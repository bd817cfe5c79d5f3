namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A tenant's counters recomputed from its employees: what was compared, and every difference.</summary>
public sealed record ReconciliationResponse(int Employees, int Counters, int PendingCorrections, IReadOnlyList<CounterDifferenceResponse> Differences, bool Exact);

/// <summary>One counter whose stored value differs from the sum of the employees' shares; <c>metric</c> is a camelCase metric name.</summary>
public sealed record CounterDifferenceResponse(string Week, string Department, string Metric, int Bucket, long Expected, long Actual);
