using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// One employee's record, the aggregate the routine's rules decide on: enrolment and import
/// (EmployeeRecord.Enrolment.cs), the care gate (EmployeeRecord.Care.cs), sessions and pain
/// (EmployeeRecord.Activity.cs). Each command checks its input, changes the record or refuses, and
/// returns a <see cref="Decision"/>; no silo, storage or clock of its own, so it is tested as a plain
/// object. It is stored whole in one entity, with the outbox of corrections owed to the tenant, so a
/// change and what it owes cannot part ways. Every collection is bounded by a constant below, never by
/// tenure: raw history by retention and a per-day cap, what grows with time by folding or dropping what
/// no rule reads any more.
/// </summary>
public sealed partial class EmployeeRecord
{
    /// <summary>
    /// Sessions per local day. The routine is done a few times a week, at most daily (seed: "work your
    /// way up to performing them daily"); ten leaves room for a routine split over the day, and for the
    /// load tests and benchmark, which log ten a day per person.
    /// </summary>
    public const int MaxSessionsPerDay = 10;

    /// <summary>Pain check-ins per local day: a daily one and one before and after each of a few sessions.</summary>
    public const int MaxCheckInsPerDay = 10;

    /// <summary>Calendar days raw sessions and check-ins can span: the longest retention, the rest of its week, and today.</summary>
    public const int MaxRawDays = RawHistoryLimit.MaxDays + 7;

    /// <summary>
    /// Pain scores retention may keep from before its boundary: a raised run is kept up to the longest run
    /// a rule can ask for, plus the other score of a session cut in two (see <see cref="HistoryCompactor"/>).
    /// </summary>
    public const int MaxPainScoresBeforeBoundary = PlanSettings.MaxPainRiseConsecutive + 1;

    public const int MaxSessions = (MaxRawDays * MaxSessionsPerDay) + MaxPainScoresBeforeBoundary;

    public const int MaxCheckIns = (MaxRawDays * MaxCheckInsPerDay) + MaxPainScoresBeforeBoundary;

    /// <summary>
    /// Medical pauses never overlap and start at most 14 days ahead; screening holds never share a day;
    /// retention drops both once they ended before its boundary. So at most one of each straddles the
    /// boundary, a medical pause per day from there to 14 days ahead (36) and a hold per raw day (22):
    /// 58. A further pause is refused (too_many_pauses), which that arithmetic says cannot happen.
    /// </summary>
    public const int MaxPauses = 64;

    /// <summary>
    /// Rest-day rules: changes apply from next Monday (one rule per Monday), retention keeps only the rule
    /// in force at its boundary and later ones, so at most four Mondays, the enrolment rule and the one in
    /// force. Each rule holds at most two weekdays.
    /// </summary>
    public const int MaxRestDayRules = 6;

    /// <summary>
    /// Department periods kept with dates. At this many, the oldest periods that ended in weeks the
    /// tenant has released fold into <see cref="FoldedDepartments"/>; a move that still finds no room
    /// (32 moves within the few weeks not yet released) is refused (too_many_department_moves).
    /// </summary>
    public const int MaxDepartmentPeriods = 32;

    /// <summary>Departments in the folded tally: the tenant's own limit on departments.</summary>
    public const int MaxFoldedDepartments = TenantConfig.MaxDepartments;

    /// <summary>
    /// Corrections held for the shard. While it is unreachable, a correction beyond this many is merged
    /// into the newest entry not yet offered to the shard, and that entry is held back until older ones
    /// are confirmed (see <see cref="Outbox"/>). A person makes a handful of corrections a week, so 32
    /// means the shard has been unreachable for a long time; entries are a few KB at most.
    /// </summary>
    public const int MaxOutboxEntries = 32;

    /// <summary>
    /// Counters remembered in <see cref="Emitted"/>: a join and a leave per dated department period, the
    /// current screening count, and for each of the two open weeks (one department each) active,
    /// sessions, met target, a streak bucket and two pain counters.
    /// </summary>
    public const int MaxEmittedCounters = (2 * MaxDepartmentPeriods) + 1 + (2 * 6);

    /// <summary>Who recorded clearance: a token subject, which OpenID Connect limits to 255 characters.</summary>
    public const int MaxActorLength = 255;

    public bool Enrolled { get; set; }

    public string TimeZone { get; set; } = "Etc/UTC";

    public DateOnly EnrolledOn { get; set; }

    public List<DepartmentPeriod> Departments { get; set; } = [];

    public PlanSettings Plan { get; set; } = PlanSettings.Default;

    public ScreeningAnswers? Screening { get; set; }

    public ScreeningOutcome? ScreeningOutcome { get; set; }

    public DateTimeOffset? ScreenedAt { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    public string? ClearedBy { get; set; }

    /// <summary>Medical pauses and screening holds; an open one has no end.</summary>
    public List<PauseRange> Pauses { get; set; } = [];

    public List<RestDayRule> RestDays { get; set; } = [];

    public List<string> RestrictedExercises { get; set; } = [];

    public List<SessionRecord> Sessions { get; set; } = [];

    public List<PainRecord> CheckIns { get; set; } = [];

    /// <summary>Random; the only name the tenant shards know this person by, and it links to nothing.</summary>
    public Guid ContributorToken { get; set; }

    public int ShardCount { get; set; }

    public long LastSequence { get; set; }

    /// <summary>Corrections not yet confirmed durable by the shard.</summary>
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>What this person has contributed to counters that can still change.</summary>
    public Dictionary<CellKey, long> Emitted { get; set; } = [];

    /// <summary>Weeks before this Monday are final and no longer tracked in <see cref="Emitted"/>.</summary>
    public DateOnly FinalBefore { get; set; } = DateOnly.MinValue;

    public bool CaseWorkerConsent { get; set; }

    /// <summary>History older than the raw-retention period, compacted to a checkpoint and weekly summaries.</summary>
    public CompactedHistory History { get; set; } = new();

    /// <summary>
    /// The highest outbox sequence ever offered to the shard: entries above it may be merged, those at
    /// or below may have been applied and never change. Null in state stored before it was kept, where
    /// every issued sequence may have been offered.
    /// </summary>
    public long? SentThrough { get; set; }

    /// <summary>Department periods folded away once the weeks they ended in were released (<see cref="MembershipFold"/>).</summary>
    public List<FoldedMembership> FoldedDepartments { get; set; } = [];

    /// <summary>
    /// Set by the first attempt of an erasure, in the write that queues the leave: this person's whole
    /// share as a leaver, the same one every repeat hands the shard. While set, nothing more is
    /// emitted. Packed like a shard's counters; at most the history's weeks and department periods.
    /// </summary>
    public List<CounterRow>? ErasureShare { get; set; }

    /// <summary>
    /// The case workers' queue entries the queue table is known to hold for this person. Kept apart from
    /// what the record says they should be (<see cref="CareQueueMembership"/>), so an entry whose table
    /// write failed is found owed on the next commit, activation or retry.
    /// </summary>
    public CareQueueMarks CareQueueListed { get; set; }
}
