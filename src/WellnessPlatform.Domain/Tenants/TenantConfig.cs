using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Privacy;

namespace WellnessPlatform.Domain.Tenants;

/// <summary>An employer's settings. Holds no personal data.</summary>
/// <param name="Name">Display name of the employer.</param>
/// <param name="Departments">Departments employees enrol into (ids, as shown).</param>
/// <param name="TimeZone">IANA zone whose calendar the employer's weeks follow.</param>
/// <param name="Privacy">Smallest groups shown on the dashboard.</param>
/// <param name="Plan">Progression rules for this employer's routine.</param>
/// <param name="IncidentReportingUrl">Where employees report a work-related incident.</param>
/// <param name="WorkersCompensationUrl">The employer's workers'-compensation information.</param>
/// <param name="AggregateShards">
/// How many shard grains spread the aggregates; it also sets how many people the roster takes
/// (<see cref="PeoplePerShard"/> each), which keeps every shard's stored state bounded. It can be raised,
/// never lowered: each person keeps the shard count they enrolled under.
/// </param>
/// <param name="DifferentialPrivacy">Optional noise on published rates under a privacy budget; null is off.</param>
/// <param name="CaseWorkEmail">
/// The occupational-health team's shared address, told (without health detail) when new work enters the
/// case workers' queue; null sends nothing. One team inbox, not a person: case workers share one queue.
/// </param>
[GenerateSerializer, Immutable, Alias("wp.TenantConfig")]
public sealed record TenantConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Departments,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] PrivacyThresholds Privacy,
    [property: Id(4)] PlanSettings Plan,
    [property: Id(5)] string? IncidentReportingUrl,
    [property: Id(6)] string? WorkersCompensationUrl,
    [property: Id(7)] int AggregateShards,
    [property: Id(8)] DifferentialPrivacySettings? DifferentialPrivacy = null,
    [property: Id(9)] string? CaseWorkEmail = null)
{
    public const int DefaultShards = 16;
    public const int MaxShards = 64;

    /// <summary>Departments a tenant may list; with 64-character ids it bounds every per-department state and row.</summary>
    public const int MaxDepartments = 200;

    /// <summary>
    /// People the roster takes per shard. Shards are chosen by hash, so the fullest of 16 shards at
    /// capacity holds about 6,500; the shard state's bound test is built for 8,192 contributors.
    /// </summary>
    public const int PeoplePerShard = 6_250;

    public int RosterCapacity => AggregateShards * PeoplePerShard;
}
