namespace WellnessPlatform.Domain.Aggregates;

/// <summary>One rate about to be published: the exact numerator and denominator it is computed from.</summary>
public sealed record RateRequest(string Week, string Group, RateKind Kind, long Numerator, long Denominator);
