using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// Counts streaks started and broken and phase moves (the wellness.* metrics), comparing each
/// evaluation with the one this activation saw before it. One per activation.
/// </summary>
internal sealed class ProgressChanges
{
    private (int StreakDays, int Phase)? _last;

    /// <summary>What the stored record says on activation, so its first change is measured against it.</summary>
    public void Seen(ProgressReport report) => _last = (report.CurrentStreakDays, report.Phase);

    public void Forget() => _last = null;

    public void Record(ProgressReport report)
    {
        var before = _last ?? (0, report.Phase); // enrolling: no streak yet
        if (before.StreakDays == 0 && report.CurrentStreakDays > 0)
        {
            WellnessMetrics.StreaksStarted.Add(1);
        }
        else if (before.StreakDays > 0 && report.CurrentStreakDays == 0)
        {
            WellnessMetrics.StreaksBroken.Add(1);
        }

        if (report.Phase != before.Phase)
        {
            WellnessMetrics.PhaseChanges.Add(1, new KeyValuePair<string, object?>("direction", report.Phase > before.Phase ? "up" : "down"));
        }

        Seen(report);
    }
}
