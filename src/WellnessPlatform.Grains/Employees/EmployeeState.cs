using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// An employee's record as stored: one Azure Table entity, version-tolerant by field id (a field is
/// added with a new id and never renumbered; the golden files of tests/.../Upgrade hold what earlier
/// versions wrote). The rules work on <see cref="EmployeeRecord"/>, which also states each
/// collection's bound; <see cref="EmployeeStateMapping"/> moves one to the other.
/// </summary>
[GenerateSerializer, Alias("wp.EmployeeState")]
public sealed class EmployeeState
{
    [Id(0)] public bool Enrolled { get; set; }

    [Id(1)] public string TimeZone { get; set; } = "Etc/UTC";

    [Id(2)] public DateOnly EnrolledOn { get; set; }

    [Id(3)] public List<DepartmentPeriod> Departments { get; set; } = [];

    [Id(4)] public PlanSettings Plan { get; set; } = PlanSettings.Default;

    [Id(5)] public ScreeningAnswers? Screening { get; set; }

    [Id(6)] public ScreeningOutcome? ScreeningOutcome { get; set; }

    [Id(7)] public DateTimeOffset? ScreenedAt { get; set; }

    [Id(8)] public DateTimeOffset? ClearedAt { get; set; }

    [Id(9)] public string? ClearedBy { get; set; }

    /// <summary>Medical pauses and screening holds; an open one has no end.</summary>
    [Id(10)] public List<PauseRange> Pauses { get; set; } = [];

    [Id(11)] public List<RestDayRule> RestDays { get; set; } = [];

    [Id(12)] public List<string> RestrictedExercises { get; set; } = [];

    [Id(13)] public List<SessionRecord> Sessions { get; set; } = [];

    [Id(14)] public List<PainRecord> CheckIns { get; set; } = [];

    /// <summary>Random; the only name the tenant shards know this person by, and it links to nothing.</summary>
    [Id(15)] public Guid ContributorToken { get; set; }

    [Id(16)] public int ShardCount { get; set; }

    [Id(17)] public long LastSequence { get; set; }

    /// <summary>Corrections not yet confirmed durable by the shard.</summary>
    [Id(18)] public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>What this person has contributed to counters that can still change.</summary>
    [Id(19)] public Dictionary<CellKey, long> Emitted { get; set; } = [];

    /// <summary>Weeks before this Monday are final and no longer tracked in <see cref="Emitted"/>.</summary>
    [Id(20)] public DateOnly FinalBefore { get; set; } = DateOnly.MinValue;

    [Id(21)] public bool CaseWorkerConsent { get; set; }

    /// <summary>History older than the raw-retention period, compacted to a checkpoint and weekly summaries.</summary>
    [Id(22)] public CompactedHistory History { get; set; } = new();

    /// <summary>
    /// The highest outbox sequence ever offered to the shard: entries above it may be merged, those at
    /// or below may have been applied and never change. Null in state stored before it was kept, where
    /// every issued sequence may have been offered.
    /// </summary>
    [Id(23)] public long? SentThrough { get; set; }

    /// <summary>Department periods folded away once the weeks they ended in were released (<see cref="MembershipFold"/>).</summary>
    [Id(24)] public List<FoldedMembership> FoldedDepartments { get; set; } = [];

    /// <summary>
    /// Set by the first attempt of an erasure, in the write that queues the leave: this person's whole
    /// share as a leaver, the same one every repeat hands the shard. While set, nothing more is
    /// emitted. Packed like a shard's counters; at most the history's weeks and department periods.
    /// </summary>
    [Id(25)] public List<CounterRow>? ErasureShare { get; set; }

    /// <summary>The queue entries the case workers' queue table is known to hold for this person; None in older state, so they are placed on activation.</summary>
    [Id(26)] public CareQueueMarks CareQueueListed { get; set; }

    /// <summary>The daily-reminder opt-in (address, time, quiet hours, unsubscribe secret); null when off. Fixed size.</summary>
    [Id(27)] public ReminderSettings? Reminders { get; set; }

    /// <summary>The last local day a reminder was decided for, stored before it was sent.</summary>
    [Id(28)] public DateOnly? LastRemindedOn { get; set; }

    /// <summary>Stretches on the clinician-directed track with their treatment tallies; empty in older state (everyone on wellness).</summary>
    [Id(29)] public List<TrackPeriod> Tracks { get; set; } = [];

    // Id 30 is reserved for another branch.

    /// <summary>The last local day a streak-at-risk nudge was decided for, stored before it was sent.</summary>
    [Id(31)] public DateOnly? LastNudgedOn { get; set; }

    /// <summary>The secret of the calendar feed's address; null when none is issued. 43 characters.</summary>
    [Id(32)] public string? CalendarToken { get; set; }

    /// <summary>A daily reminder the relay did not take, with the retries made; null when none is owed.</summary>
    [Id(33)] public ReminderRetry? PendingReminder { get; set; }
}
