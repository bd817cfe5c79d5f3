using System.ComponentModel.DataAnnotations;
using WellnessPlatform.Domain.Retention;

namespace WellnessPlatform.Grains;

/// <summary>Timing of the grains' background work (section "WellnessPlatform:Grains").</summary>
public sealed class WellnessGrainOptions
{
    public const string Section = "WellnessPlatform:Grains";

    /// <summary>How long a shard collects corrections in memory before one durable write.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = Section + ":ShardFlushInterval must be between 00:00:00.001 and 00:01:00.")]
    public TimeSpan ShardFlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How soon an employee resends corrections a shard has not yet stored durably.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = Section + ":OutboxRetryInterval must be between 00:00:00.001 and 00:10:00.")]
    public TimeSpan OutboxRetryInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often an erasure that stopped part-way is resumed by its reminder (at least Orleans' minimum
    /// reminder period, one minute unless the silo lowers it, as the grain tests do).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = Section + ":ErasureRetryInterval must be between 00:00:00.001 and 1.00:00:00.")]
    public TimeSpan ErasureRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Days of raw session and check-in records kept before they are compacted into the streak
    /// checkpoint and weekly summaries (never fewer than the 7 days in which rules can still change;
    /// whole weeks are compacted, so 7 keeps between 7 and 13 days). At most <see cref="RawHistoryLimit.MaxDays"/>,
    /// because it bounds every employee's stored state.
    /// </summary>
    [Range(7, RawHistoryLimit.MaxDays, ErrorMessage = Section + ":RawHistoryDays must be between {1} and {2}: it bounds every employee's stored state.")]
    public int RawHistoryDays { get; set; } = 7;
}
