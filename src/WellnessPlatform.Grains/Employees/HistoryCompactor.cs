using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// Retention: once raw records are older than the retention period and no rule can reach them any
/// more, they are folded into the replay checkpoint and weekly summaries, and deleted. It runs inside
/// the employee's ordinary commit, so it costs no extra storage write.
/// </summary>
internal static class HistoryCompactor
{
    /// <summary>Compacts up to the boundary the retention period allows today; false when there was nothing to do.</summary>
    public static bool Compact(EmployeeState state, DateOnly today, int rawHistoryDays, Func<DateOnly, ProgressInput> input)
    {
        var boundary = CompactedHistory.BoundaryFor(today, rawHistoryDays);
        var from = state.History.Boundary ?? LocalCalendar.WeekStart(state.EnrolledOn);
        if (boundary <= from)
        {
            return false;
        }

        var history = state.History;
        var (checkpoint, weeks, changes) = ProgressEngine.Advance(input(today), boundary);
        foreach (var week in weeks)
        {
            var sunday = week.Monday.AddDays(6);
            var sessions = state.Sessions.Where(s => s.Day >= week.Monday && s.Day <= sunday).ToList();
            var lastPain = state.CheckIns.LastOrDefault(c => c.Day >= week.Monday && c.Day <= sunday)?.Pain;
            history.Append(week, sessions.Count, lastPain, sessions.Select(s => s.Day));
        }

        history.PhaseChanges.AddRange(changes);
        history.SessionsCompacted += state.Sessions.RemoveAll(s => s.Day < boundary);

        // Keep a run of raised pain that straddles the boundary whole: the rules name a pain episode
        // by its first check-in, and cutting into the run would make it look like a new episode.
        var keepFrom = state.CheckIns.FindIndex(c => c.Day >= boundary);
        keepFrom = keepFrom < 0 ? state.CheckIns.Count : keepFrom;
        var raisedFrom = state.Screening?.PainIntensity + state.Plan.PainRiseMargin;
        while (keepFrom > 0 && state.CheckIns[keepFrom - 1].Pain >= raisedFrom)
        {
            keepFrom--;
        }

        state.CheckIns.RemoveRange(0, keepFrom);
        history.CheckInsCompacted += keepFrom;
        history.Checkpoint = checkpoint;

        // Closed pauses and rest-day rules that ended before the boundary can no longer affect any
        // judged day. Open ones stay: an open hold or pause still governs what the person may do.
        state.Pauses.RemoveAll(p => p.Until is { } until && until < boundary);
        var inForce = state.RestDays.Where(r => r.EffectiveFrom <= boundary).MaxBy(r => r.EffectiveFrom);
        state.RestDays.RemoveAll(r => r.EffectiveFrom < boundary && r != inForce);

        // A long-running activation should not keep the capacity of history it no longer holds.
        state.Sessions.TrimExcess();
        state.CheckIns.TrimExcess();
        return true;
    }
}
