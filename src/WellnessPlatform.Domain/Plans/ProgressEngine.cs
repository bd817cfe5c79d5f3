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

        for (var monday = LocalCalendar.WeekStart(input.EnrolledOn); monday <= currentMonday; monday = monday.AddDays(7))
        {
            var inProgress = monday == currentMonday;
            var target = plan.TargetFor(walk.Phase);
            var outcome = target >= 7 ? walk.DailyWeek(monday, inProgress) : walk.WeeklyWeek(monday, target, inProgress);
            weeks.Add(outcome);
            if (!inProgress)
            {
                walk.CloseWeek(monday, outcome.Status, changes);
            }
        }

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

    /// <summary>The running state of one replay.</summary>
    private sealed class Walk(ProgressInput input)
    {
        private readonly PlanSettings _plan = input.Plan;
        private int _keptWeeks;
        private int _lastActedRiseStart = -1;

        public int Phase { get; private set; } = 1;

        public int RunDays { get; private set; }

        public int LongestDays { get; private set; }

        public int Freezes { get; private set; }

        public int AtTarget { get; private set; }

        public WeekOutcome WeeklyWeek(DateOnly monday, int target, bool inProgress)
        {
            var done = 0;
            var available = 0;
            for (var day = monday; day < monday.AddDays(7); day = day.AddDays(1))
            {
                if (day < input.EnrolledOn)
                {
                    continue;
                }

                if (input.SessionDays.Contains(day) && day <= input.Today)
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
            for (var day = monday; day < monday.AddDays(7) && day <= input.Today; day = day.AddDays(1))
            {
                if (day < input.EnrolledOn)
                {
                    frozen++;
                    continue;
                }

                if (input.SessionDays.Contains(day))
                {
                    done++;
                    RunDays++;
                }
                else if (IsPaused(day) || IsRestDay(day))
                {
                    frozen++;
                }
                else if (day == input.Today)
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
            var rise = PainTrend.IsRising(input.CheckIns, input.BaselinePain, sunday, _plan);
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

            if (rise.Rising && rise.RunStart != _lastActedRiseStart)
            {
                // One step back per episode of rising pain, never below the first phase.
                _lastActedRiseStart = rise.RunStart;
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
                AtTarget = PainTrend.HadRaisedPain(input.CheckIns, input.BaselinePain, monday, sunday, _plan) ? 0 : AtTarget + 1;
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
            foreach (var pause in input.Pauses)
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
            foreach (var candidate in input.RestDays)
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
