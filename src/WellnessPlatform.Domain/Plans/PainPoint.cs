namespace WellnessPlatform.Domain.Plans;

/// <summary>A pain check-in reduced to what the rules need: the local day and the score, in the order given.</summary>
public readonly record struct PainPoint(DateOnly Day, int Pain);
