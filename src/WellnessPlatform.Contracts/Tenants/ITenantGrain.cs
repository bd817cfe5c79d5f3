using Orleans.Concurrency;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Contracts.Tenants;

/// <summary>One per employer (key: tenant id). Holds the settings and serves the anonymized adherence.</summary>
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>The settings, or null when the tenant has not been created.</summary>
    Task<TenantConfig?> GetConfigAsync();

    /// <summary>Creates the tenant or updates its settings; the shard count cannot change once set.</summary>
    Task<Outcome<TenantConfig>> ConfigureAsync(TenantConfig config);

    /// <summary>
    /// Counts and rates for the last <paramref name="weeks"/> released ISO weeks (weeks that have ended
    /// and whose late-entry window has passed), small groups suppressed; a released week never changes.
    /// </summary>
    Task<Outcome<AdherenceReport>> GetAdherenceAsync(int weeks);

    /// <summary>
    /// A shard's counters changed since the tenant last read them, so its merged copy is stale.
    /// Interleaved: a shard calls it while the tenant may be waiting on that very shard.
    /// </summary>
    [AlwaysInterleave]
    Task CountersChangedAsync();

    /// <summary>
    /// Sets (null: removes) the case-work alerts' team address and nothing else, checked like any change
    /// of settings; one grain turn, so a change of other settings made meanwhile is not undone.
    /// </summary>
    Task<Outcome<TenantConfig>> SetCaseWorkEmailAsync(string? email);

    /// <summary>The team address for the case workers' alerts with its unsubscribe secret, or null when none is set.</summary>
    [AlwaysInterleave]
    Task<CaseWorkRecipient?> GetCaseWorkRecipientAsync();

    /// <summary>Whether a secret is the one the case-work alerts' unsubscribe link carries now.</summary>
    Task<bool> IsCaseWorkUnsubscribeLinkAsync(string token);

    /// <summary>The case-work alerts' unsubscribe link: with the current secret, removes the team address (false, and nothing changes, otherwise).</summary>
    Task<bool> UnsubscribeCaseWorkAsync(string token);

    /// <summary>The latest week released to HR (ISO week), or null: counters of weeks up to it are folded (CounterRetention).</summary>
    Task<string?> GetReleasedThroughAsync();
}
