namespace WellnessPlatform.Testing.Privacy;

/// <summary>The answer to one query (a JSON read, a CSV export), and when it was asked (an ordinal the attacker compares).</summary>
public sealed record Release(string Source, int AskedAt, IReadOnlyList<ReleasedFigure> Figures);
