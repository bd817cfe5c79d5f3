using System.Globalization;
using System.Text.Json.Nodes;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Testing.Privacy;

/// <summary>Reads what HR received (a report object, the API's JSON, the dashboard's CSV) into released figures.</summary>
public static class Releases
{
    public static readonly string[] CellMetrics =
        ["enrolled", "active", "meetingTarget", "shareMeetingTarget", "sessions", "sessionsPerActive", "medianStreakWeeks", "averagePainChange"];

    public static Release FromReport(AdherenceReport report, string source, int askedAt = 0)
    {
        var figures = new List<ReleasedFigure>();
        foreach (var week in report.Weeks)
        {
            AddCell(figures, week.Week, "", week.Total);
            foreach (var d in report.Departments)
            {
                AddCell(figures, week.Week, d, week.Departments.GetValueOrDefault(d) ?? AdherenceCell.Empty);
            }

            foreach (var (band, people) in week.StreakBands ?? new Dictionary<string, int>())
            {
                figures.Add(new ReleasedFigure(week.Week, "streak:" + band, "people", people));
            }
        }

        figures.Add(new ReleasedFigure("", "screening", "screened", report.Screening.Screened));
        figures.Add(new ReleasedFigure("", "screening", "held", report.Screening.Held));
        return new Release(source, askedAt, figures);
    }

    public static Release FromJson(JsonNode dashboard, string source, int askedAt)
    {
        var adherence = dashboard["adherence"]!;
        var departments = adherence["departments"]!.AsArray().Select(d => (string)d!).ToList();
        var figures = new List<ReleasedFigure>();
        foreach (var week in adherence["weeks"]!.AsArray())
        {
            var name = (string)week!["week"]!;
            AddJsonCell(figures, name, "", week["total"]!);
            foreach (var d in departments)
            {
                AddJsonCell(figures, name, d, week["departments"]![d]);
            }

            foreach (var (band, people) in week["streakBands"]?.AsObject() ?? [])
            {
                figures.Add(new ReleasedFigure(name, "streak:" + band, "people", (double)people!));
            }
        }

        figures.Add(new ReleasedFigure("", "screening", "screened", (double?)adherence["screening"]!["screened"]));
        figures.Add(new ReleasedFigure("", "screening", "held", (double?)adherence["screening"]!["held"]));
        return new Release(source, askedAt, figures);
    }

    /// <summary>The dashboard's CSV: one total row per week, then one row per department for the latest week.</summary>
    public static Release FromCsv(string csv, string source, int askedAt)
    {
        var figures = new List<ReleasedFigure>();
        string? latest = null;
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cells = line.Split(',');
            if (cells[0] == "Week")
            {
                continue;
            }

            if (cells[0].StartsWith("Department (", StringComparison.Ordinal))
            {
                latest = cells[0]["Department (".Length..^1];
                continue;
            }

            var (week, group) = latest is null ? (cells[0], "") : (latest, cells[0]);
            for (var i = 0; i < CellMetrics.Length; i++)
            {
                figures.Add(new ReleasedFigure(week, group, CellMetrics[i], ParseCsv(cells[i + 1])));
            }
        }

        return new Release(source, askedAt, figures);
    }

    private static double? ParseCsv(string text)
    {
        var t = text.Replace(" (noised)", "", StringComparison.Ordinal);
        if (t.EndsWith('%'))
        {
            return double.Parse(t[..^1], CultureInfo.InvariantCulture) / 100;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static void AddCell(List<ReleasedFigure> figures, string week, string group, AdherenceCell c)
    {
        double?[] values = [c.Enrolled, c.Active, c.MeetingTarget, c.ShareMeetingTarget, c.Sessions, c.SessionsPerActive, c.MedianStreakWeeks, c.AveragePainChange];
        for (var i = 0; i < CellMetrics.Length; i++)
        {
            figures.Add(new ReleasedFigure(week, group, CellMetrics[i], values[i]));
        }
    }

    private static void AddJsonCell(List<ReleasedFigure> figures, string week, string group, JsonNode? cell)
    {
        foreach (var metric in CellMetrics)
        {
            // A department missing from a week is empty: zero people, shown as such.
            var value = cell is null ? (metric is "enrolled" or "active" or "meetingTarget" or "sessions" ? 0 : null) : (double?)cell[metric];
            figures.Add(new ReleasedFigure(week, group, metric, value));
        }
    }
}
