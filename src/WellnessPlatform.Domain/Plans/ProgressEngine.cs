using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Plans;

/// <summary>
/// Replays a person's history week by week and derives phase, streaks and freezes. Recomputing from
/// history (rather than mutating counters) is what makes late entries and replays safe: the same
/// history always gives the same answer. The rules are written down in docs/routine-rules.md.
/// </summary>
public static class ProgressEngine
{
    public static ProgressReport Evaluate(ProgressInput input)
    {
        var plan = input.Plan;
        var walk = new Walk(input);
        var weeks = new List<WeekOutcome>();
        var changes = new List<PhaseChange>();
        var currentMonday = LocalCalendar.WeekStart(input.Today);
        walk.Run(currentMonday, includeCurrent: true, weeks, changes);

        var phase = walk.Phase;
        var unit = plan.TargetFor(phase) >= 7 ? StreakUnit.Days : StreakUnit.Weeks;
        return new ProgressReport(
            phase,
            plan.TargetFor(phase),
            walk.RunDays,
            walk.LongestDays,
            unit,
            walk.Freezes,
            walk.AtTarget,
            phase < plan.PhaseCount ? Math.Max(0, plan.WeeksAtTargetToPromote - walk.AtTarget) : 0,
            PainTrend.IsRising(input.CheckIns, input.BaselinePain, input.Today, plan).Rising,
            weeks,
            changes);
    }

    /// <summary>
    /// Judges and closes every week before <paramref name="until"/> (a Monday not after today's week)
    /// and returns where the replay then stands, with the weeks and phase changes it closed.
    /// </summary>
    public static (ProgressCheckpoint Checkpoint, IReadOnlyList<WeekOutcome> Weeks, IReadOnlyList<PhaseChange> Changes) Advance(ProgressInput input, DateOnly until)
    {
        if (until.DayOfWeek != DayOfWeek.Monday || until > LocalCalendar.WeekStart(input.Today))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A checkpoint is a Monday no later than this week's.");
        }

        var walk = new Walk(input);
        var weeks = new List<WeekOutcome>();
        var changes = new List<PhaseChange>();
        walk.Run(until, includeCurrent: false, weeks, changes);
        return (walk.Checkpoint(Max(until, walk.StartMonday)), weeks, changes);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The running state of one replay.</summary>
    private sealed class Walk
    {
        private readonly ProgressInput _input;
        private readonly PlanSettings _plan;
        private int _keptWeeks;
        private long _lastActedRiseStart = -1;

        public Walk(ProgressInput input)
        {
            _input = input;
            _plan = input.Plan;
            StartMonday = LocalCalendar.WeekStart(input.EnrolledOn);
            if (input.Checkpoint is { } c)
            {
                StartMonday = c.Monday;
                Phase = c.Phase;
                RunDays = c.RunDays;
                LongestDays = c.LongestDays;
                Freezes = c.Freezes;
                AtTarget = c.AtTarget;
                _keptWeeks = c.KeptWeeks;
                _lastActedRiseStart = c.LastActedRiseStart;
            }
        }

        public DateOnly StartMonday { get; }

        public int Phase { get; private set; } = 1;

        public int RunDays { get; private set; }

        public int LongestDays { get; private set; }

        public int Freezes { get; private set; }

        public int AtTarget { get; private set; }

        /// <summary>Judges the weeks from the start up to <paramref name="lastMonday"/> (inclusive when it is the current week).</summary>
        public void Run(DateOnly lastMonday, bool includeCurrent, List<WeekOutcome> weeks, List<PhaseChange> changes)
        {
            for (var monday = StartMonday; includeCurrent ? monday <= lastMonday : monday < lastMonday; monday = monday.AddDays(7))
            {
                var inProgress = includeCurrent && monday == lastMonday;
                var target = _plan.TargetFor(Phase);
                var outcome = target >= 7 ? DailyWeek(monday, inProgress) : WeeklyWeek(monday, target, inProgress);
                weeks.Add(outcome);
                if (!inProgress)
                {
                    CloseWeek(monday, outcome.Status, changes);
                }
            }
        }

        public ProgressCheckpoint Checkpoint(DateOnly monday) =>
            new(monday, Phase, RunDays, LongestDays, Freezes, AtTarget, _keptWeeks, _lastActedRiseStart);

        public WeekOutcome WeeklyWeek(DateOnly monday, int target, bool inProgress)
        {
            var done = 0;
            var available = 0;
            for (var day = monday; day < monday.AddDays(7); day = day.AddDays(1))
            {
                if (day < _input.EnrolledOn)
                {
                    continue;
                }

                if (_input.SessionDays.Contains(day) && day <= _input.Today)
                {
                    done++;
                }

                if (!IsPaused(day))
                {
                    available++;
                }
            }

            // A week shortened by a pause or by enrolling mid-week asks for a proportional share.
            var required = (int)Math.Ceiling(target * available / 7.0);
            WeekStatus status;
            if (done >= target)
            {
                status = WeekStatus.Met;
            }
            else if (available < 7 && done >= required)
            {
                status = inProgress ? WeekStatus.InProgress : WeekStatus.Frozen;
            }
            else if (inProgress)
            {
                status = WeekStatus.InProgress;
            }
            else if (Freezes > 0 && done == required - 1)
            {
                Freezes--;
                status = WeekStatus.Frozen;
            }
            else
            {
                status = WeekStatus.Missed;
            }

            if (status == WeekStatus.Met)
            {
                RunDays += 7;
            }
            else if (status == WeekStatus.Missed)
            {
                RunDays = 0;
            }

            LongestDays = Math.Max(LongestDays, RunDays);
            return new WeekOutcome(monday, Phase, target, required, done, status, RunDays);
        }

        public WeekOutcome DailyWeek(DateOnly monday, bool inProgress)
        {
            var done = 0;
            var broken = false;
            var open = 0;
            var frozen = 0;
            for (var day = monday; day < monday.AddDays(7) && day <= _input.Today; day = day.AddDays(1))
            {
                if (day < _input.EnrolledOn)
                {
                    frozen++;
                    continue;
                }

                if (_input.SessionDays.Contains(day))
                {
                    done++;
                    RunDays++;
                }
                else if (IsPaused(day) || IsRestDay(day))
                {
                    frozen++;
                }
                else if (day == _input.Today)
                {
                    open++; // still time today
                }
                else if (Freezes > 0)
                {
                    Freezes--;
                    frozen++;
                }
                else
                {
                    broken = true;
                    RunDays = 0;
                }

                LongestDays = Math.Max(LongestDays, RunDays);
            }

            var status = inProgress ? WeekStatus.InProgress
                : broken ? WeekStatus.Missed
                : done == 0 ? WeekStatus.Frozen
                : WeekStatus.Met;
            return new WeekOutcome(monday, Phase, 7, 7 - frozen, done, status, RunDays);
        }

        /// <summary>Progression review at the end of a week: step back on rising pain, move up after sustained success.</summary>
        public void CloseWeek(DateOnly monday, WeekStatus status, List<PhaseChange> changes)
        {
            var sunday = monday.AddDays(6);
            var nextMonday = monday.AddDays(7);
            var rise = PainTrend.IsRising(_input.CheckIns, _input.BaselinePain, sunday, _plan);
            if (status == WeekStatus.Met)
            {
                _keptWeeks++;
                if (_keptWeeks % _plan.WeeksPerEarnedFreeze == 0)
                {
                    Freezes = Math.Min(_plan.MaxFreezes, Freezes + 1);
                }
            }
            else if (status == WeekStatus.Missed)
            {
                _keptWeeks = 0;
            }

            if (rise.Rising && _input.CheckInOffset + rise.RunStart != _lastActedRiseStart)
            {
                // One step back per episode of rising pain, never below the first phase. Episodes are
                // told apart by absolute position, which survives compaction of older check-ins.
                _lastActedRiseStart = _input.CheckInOffset + rise.RunStart;
                AtTarget = 0;
                if (Phase > 1)
                {
                    changes.Add(new PhaseChange(nextMonday, Phase, Phase - 1, "pain rising"));
                    Phase--;
                }

                return;
            }

            if (status == WeekStatus.Met)
            {
                AtTarget = PainTrend.HadRaisedPain(_input.CheckIns, _input.BaselinePain, monday, sunday, _plan) ? 0 : AtTarget + 1;
                if (AtTarget >= _plan.WeeksAtTargetToPromote && Phase < _plan.PhaseCount)
                {
                    changes.Add(new PhaseChange(nextMonday, Phase, Phase + 1, $"{AtTarget} weeks at target"));
                    Phase++;
                    AtTarget = 0;
                }
            }
            else if (status == WeekStatus.Missed)
            {
                AtTarget = 0;
            }
        }

        private bool IsPaused(DateOnly day)
        {
            foreach (var pause in _input.Pauses)
            {
                var cap = pause.From.AddDays(_plan.MaxMedicalPauseDays - 1);
                var end = pause.Until is { } until && until < cap ? until : cap;
                if (day >= pause.From && day <= end)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsRestDay(DateOnly day)
        {
            RestDayRule? rule = null;
            foreach (var candidate in _input.RestDays)
            {
                if (candidate.EffectiveFrom <= day && (rule is null || candidate.EffectiveFrom >= rule.EffectiveFrom))
                {
                    rule = candidate;
                }
            }

            return rule?.Days.Contains(day.DayOfWeek) == true;
        }
    }
}
