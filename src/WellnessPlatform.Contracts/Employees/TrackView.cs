using WellnessPlatform.Domain.Care;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>The track a person is on, and every stretch on the clinician-directed one with its treatment tally. Never reaches HR.</summary>
[GenerateSerializer, Immutable, Alias("wp.TrackView")]
public sealed record TrackView(
    [property: Id(0)] CareTrack Current,
    [property: Id(1)] IReadOnlyList<TrackPeriod> Periods);
