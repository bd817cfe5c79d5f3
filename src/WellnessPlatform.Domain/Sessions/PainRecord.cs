namespace WellnessPlatform.Domain.Sessions;

/// <summary>A pain check-in as recorded.</summary>
[GenerateSerializer, Immutable, Alias("wp.PainRecord")]
public sealed record PainRecord(
    [property: Id(0)] string ClientCheckInId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Pain,
    [property: Id(4)] PainContext Context);
