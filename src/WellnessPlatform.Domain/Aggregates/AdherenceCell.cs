namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Figures for one group (a department, or the whole tenant) in one week. A null figure is suppressed:
/// the group is too small to show it without risking that someone is recognised.
/// </summary>
/// <param name="Enrolled">People enrolled at the end of the week, as last published (it moves only in steps of k or more membership changes).</param>
/// <param name="Active">People with at least one session.</param>
/// <param name="MeetingTarget">People who met their weekly target (not shown under differential privacy).</param>
/// <param name="ShareMeetingTarget">MeetingTarget / Enrolled, 0–1 (noised under differential privacy).</param>
/// <param name="Sessions">Sessions logged.</param>
/// <param name="SessionsPerActive">Sessions per active person.</param>
/// <param name="MedianStreakWeeks">Median streak of the active people, in weeks.</param>
/// <param name="AveragePainChange">Average of (latest check-in minus baseline); negative is better. Health tier.</param>
/// <param name="ParticipationSuppressed">True when participation figures are hidden.</param>
/// <param name="HealthSuppressed">True when health figures are hidden.</param>
/// <param name="ActivitySuppressed">True when sessions and per-active figures are hidden (too few active people).</param>
/// <param name="RatesNoised">True when the rates carry differential-privacy noise.</param>
/// <param name="RatesWithheld">True when a rate was withheld because the tenant's privacy budget is spent.</param>
[GenerateSerializer, Immutable, Alias("wp.AdherenceCell")]
public sealed record AdherenceCell(
    [property: Id(0)] int? Enrolled,
    [property: Id(1)] int? Active,
    [property: Id(2)] int? MeetingTarget,
    [property: Id(3)] double? ShareMeetingTarget,
    [property: Id(4)] int? Sessions,
    [property: Id(5)] double? SessionsPerActive,
    [property: Id(6)] int? MedianStreakWeeks,
    [property: Id(7)] double? AveragePainChange,
    [property: Id(8)] bool ParticipationSuppressed,
    [property: Id(9)] bool HealthSuppressed,
    [property: Id(10)] bool ActivitySuppressed = false,
    [property: Id(11)] bool RatesNoised = false,
    [property: Id(12)] bool RatesWithheld = false)
{
    /// <summary>A group with nobody in it: zeros, nothing to hide.</summary>
    public static AdherenceCell Empty { get; } = new(0, 0, 0, null, 0, null, null, null, false, false);
}
