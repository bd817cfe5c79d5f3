namespace WellnessPlatform.Testing.Privacy;

/// <summary>
/// One figure as HR received it: week ("" for standing figures), group ("" for the tenant total, a
/// department id, "screening", or "streak:{band}"), metric (the API's camelCase name) and value (null when hidden).
/// </summary>
public sealed record ReleasedFigure(string Week, string Group, string Metric, double? Value);
