using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Privacy;

namespace WellnessPlatform.Grains.Tenants;

/// <summary>
/// Everything the tenant has already shown HR. A week is released once, after it has ended and its
/// late-entry window has passed, and is then served from here unchanged, so asking again (for another
/// range, or a day later) can never be subtracted from an earlier answer; noisy rates are released once
/// per week, group and rate and never redrawn.
/// </summary>
[GenerateSerializer, Alias("wp.ReleasedAdherence")]
public sealed class ReleasedAdherence
{
    /// <summary>Released weeks that had anyone in them; a released week not here was empty.</summary>
    [Id(0)] public Dictionary<string, AdherenceWeek> Weeks { get; init; } = [];

    /// <summary>The latest week released so far (ISO week), or null before the first read.</summary>
    [Id(1)] public string? LastReleased { get; set; }

    [Id(2)] public MembershipPool Pool { get; init; } = new();

    /// <summary>The screening counts last published (they move only when k or more outcomes changed).</summary>
    [Id(3)] public ScreeningCounts? Screening { get; set; }

    /// <summary>The differential-privacy ledger.</summary>
    [Id(4)] public PrivacyBudget Budget { get; init; } = new();
}
