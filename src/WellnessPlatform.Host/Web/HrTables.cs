using System.Globalization;
using System.Text;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Host.Web;

/// <summary>
/// The HR dashboard's tables as text, built once and used both for the page and for its CSV export,
/// so the export is exactly what is on screen. Suppressed figures read "fewer than k".
/// </summary>
public sealed class HrTables
{
    public static readonly string[] Columns =
        ["Enrolled", "Active", "Meeting target", "Share meeting target", "Sessions", "Sessions per active", "Median streak (weeks)", "Average pain change"];

    private HrTables(IReadOnlyList<string[]> weekly, IReadOnlyList<string[]> departments, string latestWeek)
    {
        Weekly = weekly;
        Departments = departments;
        LatestWeek = latestWeek;
    }

    /// <summary>One row per week (first cell the ISO week), for the whole tenant.</summary>
    public IReadOnlyList<string[]> Weekly { get; }

    /// <summary>One row per department (first cell its name) for the latest week.</summary>
    public IReadOnlyList<string[]> Departments { get; }

    public string LatestWeek { get; }

    public static HrTables From(AdherenceReport report)
    {
        var k = report.Thresholds;
        var weekly = report.Weeks.Select(w => Row(w.Week, w.Total, k)).ToList();
        var latest = report.Weeks[^1];
        var departments = report.Departments.Select(d => Row(d, latest.Departments.GetValueOrDefault(d) ?? AdherenceCell.Empty, k)).ToList();
        return new HrTables(weekly, departments, latest.Week);
    }

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendLine(Line(["Week", .. Columns]));
        foreach (var row in Weekly)
        {
            csv.AppendLine(Line(row));
        }

        csv.AppendLine();
        csv.AppendLine(Line([$"Department ({LatestWeek})", .. Columns]));
        foreach (var row in Departments)
        {
            csv.AppendLine(Line(row));
        }

        return csv.ToString();
    }

    private static string[] Row(string name, AdherenceCell c, PrivacyThresholds k)
    {
        var hidden = $"fewer than {k.Participation}";
        string P(object? value) => c.ParticipationSuppressed ? hidden : Text(value);
        string A(object? value) => c.ParticipationSuppressed ? hidden : c.ActivitySuppressed ? $"fewer than {k.Participation} active" : Text(value);
        string H(object? value) => c.ParticipationSuppressed ? hidden : c.HealthSuppressed ? $"fewer than {k.Health}" : Rate(value);
        string Rate(object? value) => value is null && c.RatesWithheld ? "withheld (privacy budget spent)" : Text(value) + (value is not null && c.RatesNoised ? " (noised)" : "");
        return
        [
            name, P(c.Enrolled), P(c.Active), P(c.MeetingTarget), c.ParticipationSuppressed ? hidden : Rate(c.ShareMeetingTarget is { } s ? $"{s * 100:0}%" : null),
            A(c.Sessions), A(c.SessionsPerActive), A(c.MedianStreakWeeks), H(c.AveragePainChange is { } a ? a.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture) : null),
        ];
    }

    private static string Text(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "–",
    };

    private static string Line(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c));
}
