using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;
using WellnessPlatform.Grains.Employees;
using Xunit.Abstractions;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>An employee's stored state with every collection and text at its bound at once, as production stores it.</summary>
public sealed class EmployeeStateBoundTests(ITestOutputHelper output)
{
    private const int DepartmentLength = 64;
    private static readonly DateOnly Today = new(2036, 11, 26);

    [Fact]
    public void An_employee_at_every_bound_stores_under_the_limit_and_reads_back()
    {
        var state = AtEveryBound();

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"EmployeeState at every bound: {bytes:N0} bytes ({bytes / 1024.0:0.0} KiB) of {StoredSize.Limit:N0}");

        Assert.True(bytes < StoredSize.Limit, $"{bytes} bytes");
        Assert.Equal(EmployeeRecord.MaxSessions, back.Sessions.Count);
        Assert.Equal(state.Sessions[^1].ClientSessionId, back.Sessions[^1].ClientSessionId);
        Assert.Equal(SessionRules.MaxExercisesPerSession, back.Sessions[^1].Exercises.Count);
        Assert.Equal(EmployeeRecord.MaxCheckIns, back.CheckIns.Count);
        Assert.Equal(EmployeeRecord.MaxOutboxEntries, back.Outbox.Count);
        Assert.Equal(state.Outbox.Sum(e => e.Delta.Count), back.Outbox.Sum(e => e.Delta.Count));
        Assert.Equal(state.Outbox[^1].Delta.First().Value, back.Outbox[^1].Delta[state.Outbox[^1].Delta.First().Key]);
        Assert.Equal(CompactedHistory.MaxWeeks, back.History.WeekCount);
        Assert.Equal(state.History.Read(), back.History.Read());
        Assert.Equal(state.FoldedDepartments, back.FoldedDepartments);
        Assert.Equal(state.ClearedBy, back.ClearedBy);
        Assert.Equal(state.Tracks, back.Tracks);
        Assert.Equal(state.ErasureShare!.Sum(r => r.Values.Length), back.ErasureShare!.Sum(r => r.Values.Length));
    }

    /// <summary>
    /// Every bound at once: raw sessions and check-ins over the longest raw window at the per-day caps, with
    /// the largest exercise lists and longest ids; the most pauses, rest-day rules, department periods
    /// (64-character names) and folded departments; the most stretches on the clinician-directed track; a full outbox holding the most counters; the most
    /// remembered counters; ten years of compacted weeks with a phase move each week.
    /// </summary>
    private static EmployeeState AtEveryBound()
    {
        var state = new EmployeeState
        {
            Enrolled = true,
            TimeZone = Worst.Text(64),
            EnrolledOn = Today.AddDays(-7 * CompactedHistory.MaxWeeks - 30),
            Plan = new PlanSettings([1, 2, 3, 4, 5, 6, 7], 12, 5, 5, 7, 90, 52, 5),
            Screening = new ScreeningAnswers(10, true, true, Enum.GetValues<RedFlag>()),
            ScreenedAt = DateTimeOffset.MaxValue,
            ClearedAt = DateTimeOffset.MaxValue,
            ClearedBy = Worst.Text(EmployeeRecord.MaxActorLength),
            ContributorToken = Guid.NewGuid(),
            ShardCount = 64,
            LastSequence = long.MaxValue - 1,
            SentThrough = long.MaxValue - 2,
            FinalBefore = Today,
            CaseWorkerConsent = true,
        };
        state.ScreeningOutcome = ScreeningRules.Evaluate(state.Screening);

        for (var i = 0; i < EmployeeRecord.MaxDepartmentPeriods; i++)
        {
            state.Departments.Add(new DepartmentPeriod(Worst.Id(DepartmentLength, i), Today.AddDays(i - EmployeeRecord.MaxDepartmentPeriods)));
        }

        for (var i = 0; i < EmployeeRecord.MaxFoldedDepartments; i++)
        {
            state.FoldedDepartments.Add(new FoldedMembership(Worst.Id(DepartmentLength, 1000 + i), int.MaxValue));
        }

        for (var i = 0; i < EmployeeRecord.MaxPauses; i++)
        {
            state.Pauses.Add(new PauseRange(Today.AddDays(-i), i == 0 ? null : Today.AddDays(90 - i), i % 2 == 0 ? PauseKind.Medical : PauseKind.ScreeningHold));
        }

        for (var i = 0; i < EmployeeRecord.MaxRestDayRules; i++)
        {
            state.RestDays.Add(new RestDayRule(Today.AddDays(7 * (i - 3)), [DayOfWeek.Saturday, DayOfWeek.Sunday]));
        }

        state.RestrictedExercises.AddRange(ExerciseCatalog.Schedulable.Select(e => Worst.Copy(e.Id)));
        for (var i = 0; i < EmployeeRecord.MaxTrackPeriods; i++)
        {
            state.Tracks.Add(new TrackPeriod(Today.AddDays(-i), Today.AddDays(-i), Worst.Text(EmployeeRecord.MaxIncidentIdLength, i), Worst.Text(EmployeeRecord.MaxDirectedByLength, i),
                Worst.Text(EmployeeRecord.MaxActorLength, i), DateTimeOffset.MaxValue, Worst.Text(EmployeeRecord.MaxActorLength, i), DateTimeOffset.MaxValue, int.MaxValue, Today));
        }

        // The notification fields are fixed in size: an address, a zone, two 43-character secrets, dates.
        state.Reminders = new ReminderSettings(Worst.Text(ReminderRules.MaxEmailLength, 1), TimeOnly.MaxValue, new QuietHours(TimeOnly.MaxValue, 1439),
            Worst.Text(43, 2), CareNotices: true, TimeZone: Worst.Text(64, 3), StreakNudge: true);
        (state.LastRemindedOn, state.LastNudgedOn) = (Today, Today);
        state.CalendarToken = Worst.Text(43, 4);
        state.PendingReminder = new ReminderRetry(Today, int.MaxValue);

        AddRawHistory(state);
        AddOutbox(state);
        AddEmitted(state);
        AddCompactedHistory(state);
        AddErasureShare(state);
        return state;
    }

    private static void AddRawHistory(EmployeeState state)
    {
        var firstDay = Today.AddDays(1 - EmployeeRecord.MaxRawDays);
        for (var n = 0; n < EmployeeRecord.MaxSessions; n++)
        {
            // The per-day cap on every raw day, and the scores retention may keep from before them.
            var day = n < EmployeeRecord.MaxRawDays * EmployeeRecord.MaxSessionsPerDay ? firstDay.AddDays(n / EmployeeRecord.MaxSessionsPerDay) : firstDay.AddDays(-1);
            var exercises = Enumerable.Range(0, SessionRules.MaxExercisesPerSession)
                .Select(i => new LoggedExercise(Worst.Copy(ExerciseCatalog.HamstringStretch), 8 + (i % 3), 30 + n % 60, Side.Both))
                .ToList();
            state.Sessions.Add(new SessionRecord(Worst.Text(SessionRules.MaxClientIdLength, n), day, DateTimeOffset.MaxValue.AddDays(-n), exercises, n % 2 == 0, 10, 10));
        }

        for (var n = 0; n < EmployeeRecord.MaxCheckIns; n++)
        {
            var day = n < EmployeeRecord.MaxRawDays * EmployeeRecord.MaxCheckInsPerDay ? firstDay.AddDays(n / EmployeeRecord.MaxCheckInsPerDay) : firstDay.AddDays(-1);
            state.CheckIns.Add(new PainRecord(Worst.Text(SessionRules.MaxClientIdLength, n), day, DateTimeOffset.MaxValue.AddDays(-n), 10, PainContext.AfterSession));
        }
    }

    /// <summary>
    /// A full outbox holding the most counters it can: new activity is refused from
    /// <see cref="Outbox.MaxCounters"/>, and the command that crossed it plus the weeks that close during
    /// an outage add at most 64 more. The first entry is a two-year import's (every week, every metric).
    /// </summary>
    private static void AddOutbox(EmployeeState state)
    {
        const int counters = Outbox.MaxCounters + 64;
        var keys = new List<CellKey>(counters);
        var monday = LocalCalendar.WeekStart(Today);
        for (var n = 0; keys.Count < counters; n++)
        {
            var metric = (Metric)(n % 10);
            keys.Add(new CellKey(LocalCalendar.IsoWeek(monday.AddDays(-7 * (n / 10))), Worst.Id(DepartmentLength, n), metric,
                metric == Metric.StreakWeeks ? CellKey.MaxStreakBucket : 0));
        }

        var perEntry = (counters - 640) / (EmployeeRecord.MaxOutboxEntries - 1);
        var taken = 0;
        for (var i = 0; i < EmployeeRecord.MaxOutboxEntries; i++)
        {
            var size = i == 0 ? 640 : i == EmployeeRecord.MaxOutboxEntries - 1 ? counters - taken : perEntry;
            var delta = keys.Skip(taken).Take(size).ToDictionary(k => k, _ => long.MinValue + 1);
            taken += size;
            state.Outbox.Add(new OutboxEntry(state.LastSequence - EmployeeRecord.MaxOutboxEntries + i + 1, delta));
        }
    }

    private static void AddEmitted(EmployeeState state)
    {
        for (var n = 0; n < EmployeeRecord.MaxEmittedCounters; n++)
        {
            state.Emitted[new CellKey(LocalCalendar.IsoWeek(Today.AddDays(-7 * (n % 2))), Worst.Id(DepartmentLength, 5000 + n), (Metric)(n % 10), n % 27)] = long.MaxValue;
        }
    }

    /// <summary>
    /// An erasure under way: the person's whole share as a leaver, every week of the compacted and raw
    /// history active with every per-week metric, each week in one of the department periods, and a join
    /// and a leave for every period and folded department.
    /// </summary>
    private static void AddErasureShare(EmployeeState state)
    {
        var share = new Dictionary<CellKey, long>();
        var monday = LocalCalendar.WeekStart(Today);
        for (var n = 0; n < CompactedHistory.MaxWeeks + 3; n++)
        {
            var week = LocalCalendar.IsoWeek(monday.AddDays(-7 * n));
            var department = Worst.Id(DepartmentLength, n % EmployeeRecord.MaxDepartmentPeriods);
            foreach (var metric in new[] { Metric.Active, Metric.Sessions, Metric.MetTarget, Metric.PainChangeSum, Metric.PainChangeCount })
            {
                share[new CellKey(week, department, metric)] = long.MaxValue;
            }

            share[new CellKey(week, department, Metric.StreakWeeks, CellKey.MaxStreakBucket)] = long.MaxValue;
        }

        for (var i = 0; i < EmployeeRecord.MaxDepartmentPeriods + EmployeeRecord.MaxFoldedDepartments; i++)
        {
            var week = LocalCalendar.IsoWeek(monday.AddDays(-7 * i));
            share[new CellKey(week, Worst.Id(DepartmentLength, 2000 + i), Metric.Joined)] = long.MaxValue;
            share[new CellKey(week, Worst.Id(DepartmentLength, 2000 + i), Metric.Left)] = long.MaxValue;
        }

        state.ErasureShare = CounterRow.Pack(share);
    }

    private static void AddCompactedHistory(EmployeeState state)
    {
        var first = LocalCalendar.WeekStart(Today).AddDays(-7 * (CompactedHistory.MaxWeeks + 10));
        for (var i = 0; i < CompactedHistory.MaxWeeks + 10; i++)
        {
            var monday = first.AddDays(7 * i);
            state.History.Append(new WeekOutcome(monday, 7, 7, 7, 7, WeekStatus.Met, int.MaxValue), 255, 10, Enumerable.Range(0, 7).Select(d => monday.AddDays(d)));
            state.History.PhaseChanges.Add(new PhaseChange(monday.AddDays(7), 7, 6, $"{i % 13} weeks at target"));
        }

        state.History.PhaseChanges.RemoveAll(c => c.EffectiveFrom < state.History.FirstMonday);
        state.History.Checkpoint = new ProgressCheckpoint(LocalCalendar.WeekStart(Today), 7, int.MaxValue, int.MaxValue, 5, 12, 52, long.MaxValue);
        state.History.CheckInsCompacted = long.MaxValue;
        state.History.SessionsCompacted = long.MaxValue;
    }
}
