using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// Retention: once raw records are older than the retention period and no rule can reach them any
/// more, they are folded into the replay checkpoint and weekly summaries, and deleted. It runs inside
/// the employee's ordinary commit, so it costs no extra storage write.
/// </summary>
public static class HistoryCompactor
{
    /// <summary>Compacts up to the boundary the retention period allows today; false when there was nothing to do.</summary>
    public static bool Compact(EmployeeRecord record, DateOnly today, int rawHistoryDays, Func<DateOnly, ProgressInput> input)
    {
        var boundary = CompactedHistory.BoundaryFor(today, rawHistoryDays);
        var from = record.History.Boundary ?? LocalCalendar.WeekStart(record.EnrolledOn);
        if (boundary <= from)
        {
            return false;
        }

        var history = record.History;
        var (checkpoint, weeks, changes) = ProgressEngine.Advance(input(today), boundary);
        var pain = PainLog.Merge(record.Sessions, record.CheckIns);
        foreach (var week in weeks)
        {
            var sunday = week.Monday.AddDays(6);
            var sessions = record.Sessions.Where(s => s.Day >= week.Monday && s.Day <= sunday).ToList();
            var lastIndex = pain.FindLastIndex(e => e.Day >= week.Monday && e.Day <= sunday);
            int? lastPain = lastIndex < 0 ? null : pain[lastIndex].Pain;
            history.Append(week, sessions.Count, lastPain, sessions.Select(s => s.Day));
        }

        history.PhaseChanges.AddRange(changes);

        // Keep the end of a run of raised pain that reaches the boundary: as many scores as the longest
        // run a rule can ask for, so "rising" is judged as on the whole run, however long the pain
        // stays raised. A session's before and after scores are never split.
        var boundaryIndex = pain.FindIndex(e => e.Day >= boundary);
        boundaryIndex = boundaryIndex < 0 ? pain.Count : boundaryIndex;
        var keepFrom = boundaryIndex;
        var raisedFrom = record.Screening?.PainIntensity + record.Plan.PainRiseMargin;
        while (keepFrom > 0
            && ((pain[keepFrom - 1].Pain >= raisedFrom && boundaryIndex - keepFrom < PlanSettings.MaxPainRiseConsecutive)
                || (keepFrom < pain.Count && pain[keepFrom].Session is { } s && ReferenceEquals(pain[keepFrom - 1].Session, s))))
        {
            keepFrom--;
        }

        // The rules tell pain episodes apart by the absolute position of their first score. Cutting into
        // a run moves its first kept score: an episode already acted on keeps its identity there.
        if (keepFrom > 0 && keepFrom < pain.Count && pain[keepFrom - 1].Pain >= raisedFrom && pain[keepFrom].Pain >= raisedFrom)
        {
            var runStart = keepFrom - 1;
            while (runStart > 0 && pain[runStart - 1].Pain >= raisedFrom)
            {
                runStart--;
            }

            if (checkpoint.LastActedRiseStart == history.CheckInsCompacted + runStart)
            {
                checkpoint = checkpoint with { LastActedRiseStart = history.CheckInsCompacted + keepFrom };
            }
        }

        var keptSessions = pain.Skip(keepFrom).Where(e => e.Session is not null).Select(e => e.Session!).ToHashSet(ReferenceEqualityComparer.Instance);
        var droppedCheckIns = pain.Take(keepFrom).Where(e => e.CheckIn is not null).Select(e => e.CheckIn!).ToHashSet(ReferenceEqualityComparer.Instance);
        history.SessionsCompacted += record.Sessions.RemoveAll(s => s.Day < boundary && !keptSessions.Contains(s));
        record.CheckIns.RemoveAll(droppedCheckIns.Contains);
        history.CheckInsCompacted += keepFrom;
        history.Checkpoint = checkpoint;

        // Closed pauses and rest-day rules that ended before the boundary can no longer affect any
        // judged day. Open ones stay: an open hold or pause still governs what the person may do.
        record.Pauses.RemoveAll(p => p.Until is { } until && until < boundary);
        var inForce = record.RestDays.Where(r => r.EffectiveFrom <= boundary).MaxBy(r => r.EffectiveFrom);
        record.RestDays.RemoveAll(r => r.EffectiveFrom < boundary && r != inForce);

        // A long-running activation should not keep the capacity of history it no longer holds.
        record.Sessions.TrimExcess();
        record.CheckIns.TrimExcess();
        return true;
    }
}
