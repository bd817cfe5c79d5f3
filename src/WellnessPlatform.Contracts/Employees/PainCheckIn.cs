using WellnessPlatform.Domain.Sessions;
namespace WellnessPlatform.Contracts.Employees;

/// <summary>A pain score now (0–10). <paramref name="ClientCheckInId"/> makes a retry count once.</summary>
[GenerateSerializer, Immutable, Alias("wp.PainCheckIn")]
public sealed record PainCheckIn(
    [property: Id(0)] string ClientCheckInId,
    [property: Id(1)] int Pain,
    [property: Id(2)] PainContext Context);
