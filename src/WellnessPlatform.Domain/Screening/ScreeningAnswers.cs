namespace WellnessPlatform.Domain.Screening;

/// <summary>The pre-participation questions answered before the first session.</summary>
/// <param name="PainIntensity">Current pain, 0 (none) to 10 (worst imaginable).</param>
/// <param name="WorkRelated">Whether the pain came from a work-related incident.</param>
/// <param name="RecentInjury">An injury to the back in the last six weeks.</param>
/// <param name="RedFlags">Red-flag symptoms the person reports.</param>
[GenerateSerializer, Immutable, Alias("wp.ScreeningAnswers")]
public sealed record ScreeningAnswers(
    [property: Id(0)] int PainIntensity,
    [property: Id(1)] bool WorkRelated,
    [property: Id(2)] bool RecentInjury,
    [property: Id(3)] IReadOnlyList<RedFlag> RedFlags);
