using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// The record read by the rules: what <see cref="ProgressEngine"/> is given (sessions, pain, pauses,
/// rest days, plan, compacted history) and the share of the tenant's counters that follows from it.
/// </summary>
public static class EmployeeProgress
{
    public static ProgressReport Evaluate(EmployeeRecord record, DateOnly today) => ProgressEngine.Evaluate(Input(record, today));

    public static ProgressInput Input(EmployeeRecord record, DateOnly today) => new(
        record.EnrolledOn, today, SessionDays(record), PainPoints(record), record.Screening?.PainIntensity,
        record.Pauses, record.RestDays, record.Plan, record.History.Checkpoint, record.History.CheckInsCompacted);

    /// <summary>This person's current share of the counters as of their local <paramref name="today"/> (see <see cref="Contribution"/>); treatment weeks left out.</summary>
    public static Dictionary<CellKey, long> Contribution(EmployeeRecord record, ProgressReport report, DateOnly today, IReadOnlyList<PainPoint>? pain = null) =>
        Domain.Aggregates.Contribution.Compute(new ContributionInput(
            report, SessionsPerWeek(record), pain ?? PainPoints(record), record.Screening?.PainIntensity, record.Departments,
            record.ScreeningOutcome is null ? null : record.OnHold, record.Tracks, today));

    private static List<PainPoint> PainPoints(EmployeeRecord record) => PainLog.Points(PainLog.Merge(record.Sessions, record.CheckIns));

    // Plain loops, sized once: these run on every commit (the ingest allocation profile).
    private static HashSet<DateOnly> SessionDays(EmployeeRecord record)
    {
        var days = new HashSet<DateOnly>(record.Sessions.Count);
        foreach (var session in record.Sessions)
        {
            days.Add(session.Day);
        }

        return days;
    }

    private static Dictionary<DateOnly, int> SessionsPerWeek(EmployeeRecord record)
    {
        var perWeek = new Dictionary<DateOnly, int>();
        foreach (var session in record.Sessions)
        {
            var monday = LocalCalendar.WeekStart(session.Day);
            perWeek[monday] = perWeek.GetValueOrDefault(monday) + 1;
        }

        return perWeek;
    }

    /// <summary>The whole share, as the tenant keeps it: with department periods folded once their weeks were released.</summary>
    public static Dictionary<CellKey, long> WholeShare(EmployeeRecord record, ProgressReport report, DateOnly today)
    {
        var share = Contribution(record, report, today);
        foreach (var (key, value) in MembershipFold.Counters(record.FoldedDepartments))
        {
            share[key] = share.GetValueOrDefault(key) + value;
        }

        return share;
    }
}
