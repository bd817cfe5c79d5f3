using WellnessPlatform.Domain.Sessions;
namespace WellnessPlatform.Contracts.Employees;

/// <summary>What a case worker may see of a consenting employee's pain: the check-ins, the baseline and the flag.</summary>
[GenerateSerializer, Immutable, Alias("wp.PainTrendView")]
public sealed record PainTrendView(
    [property: Id(0)] IReadOnlyList<PainRecord> CheckIns,
    [property: Id(1)] int? BaselinePain,
    [property: Id(2)] bool PainRising);
