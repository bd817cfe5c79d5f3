namespace WellnessPlatform.Testing.Privacy;

/// <summary>
/// Plays an HR user who has collected every answer the API and the CSV export give and tries to work out
/// what was hidden: by merging answers (a figure hidden in one answer but shown in another), by subtraction
/// along a week (total minus the visible departments), by differencing a department's enrolment across
/// any two weeks, and by differencing standing figures asked at two times. It reports every derived
/// figure; <see cref="CounterTruth"/> decides which of them give away a small group or a person.
/// </summary>
public sealed class PrivacyAttacker(int participationThreshold, int healthThreshold)
{
    /// <summary>Additive counts: the tenant total is the sum of its departments.</summary>
    public static readonly string[] AdditiveMetrics = ["enrolled", "active", "meetingTarget", "sessions"];

    private static readonly Dictionary<string, double> DisplayTolerance = new()
    {
        ["shareMeetingTarget"] = 0.0051, ["sessionsPerActive"] = 0.0051, ["averagePainChange"] = 0.051,
    };

    private readonly List<Release> _releases = [];

    public int Queries => _releases.Count;

    /// <summary>How many combinations of released figures the last <see cref="Attack"/> examined.</summary>
    public long Combinations { get; private set; }

    public void Observe(Release release) => _releases.Add(release);

    public IReadOnlyList<Finding> Attack()
    {
        Combinations = 0;
        var findings = new List<Finding>();
        var known = Merge(findings);
        var rows = known.Keys.Where(k => k.Week.Length > 0 && !k.Group.StartsWith("streak:", StringComparison.Ordinal))
            .GroupBy(k => k.Week).ToDictionary(g => g.Key, g => g.Select(k => k.Group).ToHashSet());
        foreach (var (week, groups) in rows)
        {
            Rows(week, groups, known, findings);
        }

        SmallGroups(known, findings);
        Membership(known, findings);
        Standing(findings);
        return findings;
    }

    /// <summary>What HR knows: every figure shown in any answer about a week (closed weeks never change, so two different values are a finding).</summary>
    private Dictionary<(string Week, string Group, string Metric), double?> Merge(List<Finding> findings)
    {
        var known = new Dictionary<(string Week, string Group, string Metric), double?>();
        foreach (var figure in _releases.SelectMany(r => r.Figures).Where(f => f.Week.Length > 0))
        {
            Combinations++;
            var key = (figure.Week, figure.Group, figure.Metric);
            if (!known.TryGetValue(key, out var seen) || seen is null)
            {
                known[key] = figure.Value;
            }
            else if (figure.Value is { } value && Math.Abs(value - seen.Value) > DisplayTolerance.GetValueOrDefault(figure.Metric, 0))
            {
                findings.Add(new Finding("inconsistent", figure.Week, [figure.Group], figure.Metric, value - seen.Value));
            }
        }

        return known;
    }

    /// <summary>Total minus the visible departments leaves the sum of the hidden ones; with one hidden department that is its value.</summary>
    private void Rows(string week, HashSet<string> groups, Dictionary<(string Week, string Group, string Metric), double?> known, List<Finding> findings)
    {
        var departments = groups.Where(g => g.Length > 0 && g != "screening").ToList();
        foreach (var metric in AdditiveMetrics)
        {
            Combinations++;
            if (known.GetValueOrDefault((week, "", metric)) is not { } total)
            {
                continue;
            }

            var hidden = departments.Where(d => known.GetValueOrDefault((week, d, metric)) is null).Order(StringComparer.Ordinal).ToList();
            if (hidden.Count > 0)
            {
                var visible = departments.Except(hidden).Sum(d => known[(week, d, metric)]!.Value);
                findings.Add(new Finding("row", week, hidden, metric, total - visible));
            }
        }
    }

    /// <summary>A figure shown for a group whose published enrolment is below the threshold, or a streak band of fewer than k.</summary>
    private void SmallGroups(Dictionary<(string Week, string Group, string Metric), double?> known, List<Finding> findings)
    {
        foreach (var ((week, group, metric), value) in known)
        {
            Combinations++;
            if (value is not { } v)
            {
                continue;
            }

            if (group.StartsWith("streak:", StringComparison.Ordinal))
            {
                if (v is > 0 && v < participationThreshold)
                {
                    findings.Add(new Finding("band", week, [group], metric, v));
                }

                continue;
            }

            var enrolled = known.GetValueOrDefault((week, group, "enrolled"));
            var k = metric == "averagePainChange" ? healthThreshold : participationThreshold;
            if (enrolled is { } n && n > 0 && n < k)
            {
                findings.Add(new Finding("direct", week, [group], metric, v));
            }
        }
    }

    /// <summary>Enrolment of the same group in any two weeks: the difference is who joined, left or moved in between.</summary>
    private void Membership(Dictionary<(string Week, string Group, string Metric), double?> known, List<Finding> findings)
    {
        var series = known.Where(kv => kv.Key.Metric == "enrolled" && kv.Value is not null && !kv.Key.Group.StartsWith("streak:", StringComparison.Ordinal))
            .GroupBy(kv => kv.Key.Group)
            .ToDictionary(g => g.Key, g => g.OrderBy(kv => kv.Key.Week, StringComparer.Ordinal).Select(kv => (kv.Key.Week, kv.Value!.Value)).ToList());
        foreach (var (group, points) in series)
        {
            for (var i = 0; i < points.Count; i++)
            {
                for (var j = i + 1; j < points.Count; j++)
                {
                    Combinations++;
                    var delta = points[j].Value - points[i].Value;
                    if (delta != 0)
                    {
                        findings.Add(new Finding("membership", points[j].Week, [group], "enrolled", delta, points[i].Week));
                    }
                }
            }
        }
    }

    /// <summary>Standing figures (screening) asked at two times: the change is who was screened or cleared in between.</summary>
    private void Standing(List<Finding> findings)
    {
        var standing = _releases.SelectMany(r => r.Figures.Where(f => f.Week.Length == 0 && f.Value is not null).Select(f => (r.AskedAt, f)))
            .GroupBy(x => (x.f.Group, x.f.Metric));
        foreach (var metric in standing)
        {
            var byTime = metric.GroupBy(x => x.AskedAt).Select(g => (Time: g.Key, Value: g.First().f.Value!.Value)).OrderBy(x => x.Time).ToList();
            for (var i = 0; i < byTime.Count; i++)
            {
                for (var j = i + 1; j < byTime.Count; j++)
                {
                    Combinations++;
                    var delta = byTime[j].Value - byTime[i].Value;
                    if (delta != 0)
                    {
                        findings.Add(new Finding("standing", "", [metric.Key.Group], metric.Key.Metric, delta, null, byTime[i].Time, byTime[j].Time));
                    }
                }
            }
        }
    }
}
