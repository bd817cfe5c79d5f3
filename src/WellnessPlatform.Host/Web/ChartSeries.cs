namespace WellnessPlatform.Host.Web;

/// <summary>One line of a chart: a name, a CSS class for its colour, and a value per point (null = gap, for example a suppressed week).</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<double?> Values);
