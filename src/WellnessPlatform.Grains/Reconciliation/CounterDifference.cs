using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Reconciliation;

/// <summary>One tenant counter whose stored value differs from the sum of the employees' recomputed shares.</summary>
public sealed record CounterDifference(string Week, string Department, Metric Metric, int Bucket, long Expected, long Actual);
