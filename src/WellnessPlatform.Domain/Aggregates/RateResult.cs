namespace WellnessPlatform.Domain.Aggregates;

/// <summary>A published rate: its value (null when withheld), whether noise was added, whether it was withheld.</summary>
public readonly record struct RateResult(double? Value, bool Noised, bool Withheld);
