namespace WellnessPlatform.Domain.Care;

/// <summary>
/// A stretch of local days on the clinician-directed (therapeutic) track, for one work-related case.
/// Sessions on its days are treatment: tallied here for the case, never counted in wellness figures.
/// </summary>
/// <param name="From">First local day on the track.</param>
/// <param name="Until">Last local day on the track; null while the person is on it.</param>
/// <param name="IncidentId">The work-related case the treatment belongs to.</param>
/// <param name="DirectedBy">The clinician who directed it, name or role as the case worker gave it.</param>
/// <param name="MovedBy">The case worker who moved the person (their token subject).</param>
/// <param name="MovedAt">When they did.</param>
/// <param name="EndedBy">Who moved the person back (a case worker's subject), or why ("case closed").</param>
/// <param name="EndedAt">When the stretch was ended.</param>
/// <param name="TreatmentSessions">Sessions logged on its days.</param>
/// <param name="LastTreatmentOn">The latest local day with such a session.</param>
[GenerateSerializer, Immutable, Alias("wp.TrackPeriod")]
public sealed record TrackPeriod(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly? Until,
    [property: Id(2)] string IncidentId,
    [property: Id(3)] string DirectedBy,
    [property: Id(4)] string MovedBy,
    [property: Id(5)] DateTimeOffset MovedAt,
    [property: Id(6)] string? EndedBy = null,
    [property: Id(7)] DateTimeOffset? EndedAt = null,
    [property: Id(8)] int TreatmentSessions = 0,
    [property: Id(9)] DateOnly? LastTreatmentOn = null)
{
    public bool Covers(DateOnly day) => day >= From && (Until is null || day <= Until);

    /// <summary>Whether any day of the week starting on <paramref name="monday"/> was on this stretch.</summary>
    public bool Touches(DateOnly monday) => From <= monday.AddDays(6) && (Until is null || Until >= monday);
}
