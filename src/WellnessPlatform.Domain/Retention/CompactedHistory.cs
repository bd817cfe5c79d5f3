using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Retention;

/// <summary>
/// The part of a person's history that retention has compacted: the replay checkpoint, a few bytes
/// per closed week and one bit per day. Five years of daily use fit in about 1.6 KB, so stored state
/// stays far under the table entity limit and memory per activation stays small. At most
/// <see cref="MaxWeeks"/> weeks are kept: older ones are dropped, which no rule notices, because
/// streaks, freezes and the phase carry on from the checkpoint.
/// </summary>
[GenerateSerializer, Alias("wp.CompactedHistory")]
public sealed class CompactedHistory
{
    /// <summary>
    /// Ten years of weekly summaries (about 3.2 KB with their day bits and at most one phase move per
    /// week). Only the progress page's history and the export read weeks this old; streaks, the
    /// longest streak and the phase come from the checkpoint, so dropping older weeks changes no rule.
    /// </summary>
    public const int MaxWeeks = 520;

    private const int BytesPerWeek = 5;
    private const byte NoPain = 0xFF;

    /// <summary>Replays start here; null until the first compaction.</summary>
    [Id(0)] public ProgressCheckpoint? Checkpoint { get; set; }

    /// <summary>Monday of the first compacted week.</summary>
    [Id(1)] public DateOnly FirstMonday { get; set; }

    /// <summary>Per week: phase and target, required and days done, status, sessions, last pain.</summary>
    [Id(2)] public byte[] Weeks { get; set; } = [];

    /// <summary>One bit per day from <see cref="FirstMonday"/>: a session was done that day.</summary>
    [Id(3)] public byte[] DoneDays { get; set; } = [];

    /// <summary>Phase moves from the compacted weeks, oldest first.</summary>
    [Id(4)] public List<PhaseChange> PhaseChanges { get; set; } = [];

    /// <summary>Pain check-ins removed so far; keeps pain episodes identifiable across compactions.</summary>
    [Id(5)] public long CheckInsCompacted { get; set; }

    /// <summary>Raw session records removed so far.</summary>
    [Id(6)] public long SessionsCompacted { get; set; }

    public int WeekCount => Weeks.Length / BytesPerWeek;

    /// <summary>The first day that is not compacted (replays and raw history start here).</summary>
    public DateOnly? Boundary => Checkpoint?.Monday;

    /// <summary>Adds closed weeks, in order, with the raw facts retention is about to delete.</summary>
    public void Append(WeekOutcome week, int sessions, int? lastPain, IEnumerable<DateOnly> doneDays)
    {
        if (Weeks.Length == 0)
        {
            FirstMonday = week.Monday;
        }
        else if (week.Monday != FirstMonday.AddDays(7 * WeekCount))
        {
            throw new InvalidOperationException($"Week {week.Monday} does not follow the compacted weeks.");
        }

        var bytes = new byte[Weeks.Length + BytesPerWeek];
        Weeks.CopyTo(bytes, 0);
        var at = Weeks.Length;
        bytes[at] = (byte)((week.Phase << 4) | week.Target);
        bytes[at + 1] = (byte)((Math.Clamp(week.Required, 0, 15) << 4) | Math.Clamp(week.DaysDone, 0, 15));
        bytes[at + 2] = (byte)week.Status;
        bytes[at + 3] = (byte)Math.Clamp(sessions, 0, 255);
        bytes[at + 4] = lastPain is { } p ? (byte)p : NoPain;
        Weeks = bytes;

        var bits = new byte[(WeekCount * 7 + 7) / 8];
        DoneDays.CopyTo(bits, 0);
        foreach (var day in doneDays)
        {
            var index = day.DayNumber - FirstMonday.DayNumber;
            if (index >= 0 && index < WeekCount * 7)
            {
                bits[index / 8] |= (byte)(1 << (index % 8));
            }
        }

        DoneDays = bits;
        DropOldest(WeekCount - MaxWeeks);
    }

    /// <summary>Forgets the oldest weeks, their day bits and the phase moves that took effect in them.</summary>
    private void DropOldest(int weeks)
    {
        if (weeks <= 0)
        {
            return;
        }

        var keptWeeks = WeekCount - weeks;
        var shift = weeks * 7;
        var bits = new byte[(keptWeeks * 7 + 7) / 8];
        for (var i = 0; i < keptWeeks * 7; i++)
        {
            var from = i + shift;
            if ((DoneDays[from / 8] & (1 << (from % 8))) != 0)
            {
                bits[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        Weeks = Weeks[(weeks * BytesPerWeek)..];
        DoneDays = bits;
        FirstMonday = FirstMonday.AddDays(shift);
        PhaseChanges.RemoveAll(c => c.EffectiveFrom < FirstMonday);
    }

    public IEnumerable<WeekSummary> Read()
    {
        for (var i = 0; i < WeekCount; i++)
        {
            var at = i * BytesPerWeek;
            var pain = Weeks[at + 4];
            yield return new WeekSummary(
                FirstMonday.AddDays(7 * i),
                Weeks[at] >> 4,
                Weeks[at] & 0x0F,
                Weeks[at + 1] >> 4,
                Weeks[at + 1] & 0x0F,
                (WeekStatus)Weeks[at + 2],
                Weeks[at + 3],
                pain == NoPain ? null : pain);
        }
    }

    /// <summary>Compacted days with a session, from <paramref name="from"/> on.</summary>
    public IEnumerable<DateOnly> DaysDone(DateOnly from)
    {
        for (var i = Math.Max(0, from.DayNumber - FirstMonday.DayNumber); i < WeekCount * 7; i++)
        {
            if ((DoneDays[i / 8] & (1 << (i % 8))) != 0)
            {
                yield return FirstMonday.AddDays(i);
            }
        }
    }

    /// <summary>The first Monday retention may compact up to, given today; never inside the window rules still change.</summary>
    public static DateOnly BoundaryFor(DateOnly today, int rawHistoryDays) =>
        LocalCalendar.WeekStart(today.AddDays(-Math.Max(rawHistoryDays, Aggregates.Contribution.MutableWindowDays)));
}
