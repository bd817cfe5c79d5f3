using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Privacy;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Domain.Time;
using WellnessPlatform.Grains.Migration;

namespace WellnessPlatform.Grains.Tenants;

/// <summary>
/// The employer's grain: settings, and the one place the dashboard reads. A read merges the tenant's
/// fixed number of shards, so its cost depends on weeks and departments, never on head count. Weeks
/// are released once and kept (see <see cref="ReleasedAdherence"/>), with the privacy-budget ledger.
/// </summary>
[GrainType(GrainTypes.Tenant)]
public sealed class TenantGrain(
    [PersistentState(StorageNames.TenantState, StorageNames.GrainState)] IPersistentState<TenantState> state,
    ReleasedWeeksTable releasedWeeks,
    LegacyListMigration migration,
    TimeProvider clock) : Grain, ITenantGrain, IRemindable
{
    public const int MaxWeeks = 104;

    /// <summary>Releases weeks daily even when nobody reads the dashboard, so the shards can let them go.</summary>
    private const string ReleaseReminder = "daily-release";

    // Released weeks never change: loaded from their table once per activation, then served from memory.
    private Dictionary<string, AdherenceWeek>? _weeks;

    // The merged counters, kept until a shard reports a change: dashboard reads then cost only the
    // report, whatever the tenant's size. The generation guards a merge a change raced with.
    private CounterIndex? _counters;
    private int _generation;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Config is not null && !state.State.ListsInTables)
        {
            // Done once per tenant, at the first activation after the upgrade to one row per person or case.
            await migration.MigrateAsync(GrainFactory, this.GetPrimaryKeyString(), cancellationToken);
            state.State.ListsInTables = true;
            await state.WriteStateAsync(cancellationToken);
        }

        if (state.State.Config is not null && !state.State.RosterInBuckets)
        {
            // Once per tenant: after it, activation makes no storage call for the old layout.
            await migration.SpreadRosterAsync(this.GetPrimaryKeyString(), cancellationToken);
            state.State.RosterInBuckets = true;
            await state.WriteStateAsync(cancellationToken);
        }

        if (state.State.Released.Weeks.Count > 0)
        {
            // Weeks stored in the tenant's own row by an earlier version move to their table.
            await releasedWeeks.WriteAsync(this.GetPrimaryKeyString(), state.State.Released.Weeks.Values, cancellationToken);
            state.State.Released.Weeks.Clear();
            await state.WriteStateAsync(cancellationToken);
        }

        if (state.State.Config is not null && await this.GetReminder(ReleaseReminder, cancellationToken) is null)
        {
            await ScheduleReleaseAsync();
        }
    }

    public Task<TenantConfig?> GetConfigAsync() => Task.FromResult(state.State.Config);

    public Task<CaseWorkRecipient?> GetCaseWorkRecipientAsync() => Task.FromResult(
        state.State.Config?.CaseWorkEmail is { } email && state.State.CaseWorkUnsubscribeToken is { } token ? new CaseWorkRecipient(email, token) : null);

    public Task<bool> IsCaseWorkUnsubscribeLinkAsync(string token) => Task.FromResult(IsCaseWorkToken(token));

    public async Task<bool> UnsubscribeCaseWorkAsync(string token)
    {
        if (!IsCaseWorkToken(token) || state.State.Config is not { } config)
        {
            return false;
        }

        state.State.Config = config with { CaseWorkEmail = null };
        state.State.CaseWorkUnsubscribeToken = null;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        WellnessMetrics.Woke("release");
        if (state.State.Config is { } config)
        {
            await ReleaseAsync(config);
        }
    }

    public async Task<Outcome<TenantConfig>> ConfigureAsync(TenantConfig config)
    {
        var errors = TenantConfigRules.Validate(config, state.State.Config, state.State.Released.Budget.Spent);
        if (errors.Count > 0)
        {
            return Outcome<TenantConfig>.Invalid(errors);
        }

        var created = state.State.Config is null;
        if (config.CaseWorkEmail is null)
        {
            state.State.CaseWorkUnsubscribeToken = null;
        }
        else if (!string.Equals(config.CaseWorkEmail, state.State.Config?.CaseWorkEmail, StringComparison.OrdinalIgnoreCase) || state.State.CaseWorkUnsubscribeToken is null)
        {
            // A new address gets a new secret, so a link the old address received no longer works.
            state.State.CaseWorkUnsubscribeToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        }

        state.State.ListsInTables = true;
        state.State.Config = config with { Departments = [.. config.Departments.Distinct()] };
        await state.WriteStateAsync();
        if (created)
        {
            await ScheduleReleaseAsync();
        }

        return Outcome<TenantConfig>.Ok(state.State.Config);
    }

    public Task<Outcome<TenantConfig>> SetCaseWorkEmailAsync(string? email) => state.State.Config is { } config
        ? ConfigureAsync(config with { CaseWorkEmail = email })
        : Task.FromResult(Outcome<TenantConfig>.NotFound("tenant_not_found", "This employer is not set up on the platform."));

    public async Task<Outcome<AdherenceReport>> GetAdherenceAsync(int weeks)
    {
        if (state.State.Config is not { } config)
        {
            return Outcome<AdherenceReport>.NotFound("tenant_not_found", "This employer is not set up on the platform.");
        }

        if (weeks is < 1 or > MaxWeeks)
        {
            return Outcome<AdherenceReport>.Invalid(new FieldError("weeks", "out_of_range", $"Ask for 1 to {MaxWeeks} weeks."));
        }

        var (counters, latest, weeksStored) = await ReleaseAsync(config);
        var released = state.State.Released;
        var dp = config.DifferentialPrivacy is { Enabled: true } settings ? settings : null;
        var shown = Enumerable.Range(0, weeks).Select(i => LocalCalendar.IsoWeek(latest.AddDays(-7 * (weeks - 1 - i))))
            .Select(w => weeksStored.GetValueOrDefault(w) ?? new AdherenceWeek(w, AdherenceCell.Empty, new Dictionary<string, AdherenceCell>()))
            .ToList();
        var report = AdherenceReportBuilder.Report(config.Privacy, config.Departments, counters.Departments, shown,
            ScreeningCounts.Summary(released.Screening, config.Privacy.Health), dp is null ? null : Status(dp, shown));
        CountSuppressed(report);
        return Outcome<AdherenceReport>.Ok(report);
    }

    /// <summary>The Monday of the latest week that has ended and whose late entries can no longer change it.</summary>
    private DateOnly LatestReleasable(TenantConfig config)
    {
        var zone = LocalCalendar.TryFindZone(config.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var today = LocalCalendar.LocalDay(clock.GetUtcNow(), zone);
        return LocalCalendar.WeekStart(today.AddDays(-7 - config.Plan.LateEntryDays));
    }

    /// <summary>
    /// Releases every week that has become final, stores them and the screening counts, and then lets
    /// the shards drop what they no longer need. Returns the counters, the latest released Monday and
    /// the released weeks.
    /// </summary>
    private async Task<(CounterIndex Counters, DateOnly Latest, Dictionary<string, AdherenceWeek> Weeks)> ReleaseAsync(TenantConfig config)
    {
        var counters = await CountersAsync(config);
        var released = state.State.Released;
        var latest = LatestReleasable(config);
        var dp = config.DifferentialPrivacy is { Enabled: true } settings ? settings : null;
        var weeks = await WeeksAsync(latest);
        var fresh = ReleaseNewWeeks(counters, config, latest, dp);
        var changed = fresh is not null;
        if (fresh is { Count: > 0 })
        {
            // The weeks are stored before the state that says they are released: a failure between
            // the two releases them again, replacing copies nobody was shown.
            await releasedWeeks.WriteAsync(this.GetPrimaryKeyString(), fresh);
            foreach (var week in fresh)
            {
                weeks[week.Week] = week;
            }
        }

        var screening = ScreeningCounts.Next(counters.Screening, released.Screening, config.Privacy.Health);
        if (screening != released.Screening)
        {
            released.Screening = screening;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        if (fresh is not null && released.LastReleased is { } through)
        {
            var tenantId = this.GetPrimaryKeyString();
            await Task.WhenAll(Enumerable.Range(0, config.AggregateShards)
                .Select(i => GrainFactory.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenantId, i)).ReleasedAsync(through)));

            // The shards folded what was released: read them again next time.
            _counters = null;
            _generation++;
        }

        var oldestKept = LocalCalendar.IsoWeek(latest.AddDays(-7 * (MaxWeeks - 1)));
        foreach (var stale in weeks.Keys.Where(w => string.CompareOrdinal(w, oldestKept) < 0).ToList())
        {
            weeks.Remove(stale);
        }

        return (counters, latest, weeks);
    }

    private async Task<Dictionary<string, AdherenceWeek>> WeeksAsync(DateOnly latest)
    {
        if (_weeks is null)
        {
            var from = LocalCalendar.IsoWeek(latest.AddDays(-7 * (MaxWeeks - 1)));
            var stored = await releasedWeeks.ReadAsync(this.GetPrimaryKeyString(), from, LocalCalendar.IsoWeek(latest));
            _weeks = stored.ToDictionary(w => w.Week, StringComparer.Ordinal);
        }

        return _weeks;
    }

    private async Task ScheduleReleaseAsync() =>
        await this.RegisterOrUpdateReminder(ReleaseReminder, TimeSpan.FromHours(1), TimeSpan.FromDays(1));

    /// <summary>Releases, in order, every week after the last one released up to <paramref name="latest"/>; null when none was due.</summary>
    private List<AdherenceWeek>? ReleaseNewWeeks(CounterIndex counters, TenantConfig config, DateOnly latest, DifferentialPrivacySettings? dp)
    {
        var released = state.State.Released;
        var oldest = latest.AddDays(-7 * (MaxWeeks - 1));
        var next = released.LastReleased is { } last ? LocalCalendar.MondayOfIsoWeek(last).AddDays(7) : oldest;
        if (next > latest)
        {
            return null;
        }

        IRatePublisher rates = dp is null ? ExactRates.Instance : new NoisyRates(dp, released.Budget);
        var fresh = new List<AdherenceWeek>();
        for (var monday = next < oldest ? oldest : next; monday <= latest; monday = monday.AddDays(7))
        {
            var week = AdherenceReportBuilder.ReleaseWeek(counters, LocalCalendar.IsoWeek(monday), config.Privacy, released.Pool, rates);
            if (week.Departments.Count > 0)
            {
                fresh.Add(week);
            }
        }

        released.LastReleased = LocalCalendar.IsoWeek(latest);
        return fresh;
    }

    public Task<string?> GetReleasedThroughAsync() => Task.FromResult(state.State.Released.LastReleased);

    public Task CountersChangedAsync()
    {
        _counters = null;
        _generation++;
        return Task.CompletedTask;
    }

    private async Task<CounterIndex> CountersAsync(TenantConfig config)
    {
        if (_counters is { } cached)
        {
            return cached;
        }

        var generation = _generation;
        var counters = new CounterIndex(await MergeShardsAsync(config));
        if (generation == _generation)
        {
            _counters = counters;
        }

        return counters;
    }

    private async Task<Dictionary<CellKey, long>> MergeShardsAsync(TenantConfig config)
    {
        var tenantId = this.GetPrimaryKeyString();
        var shards = await Task.WhenAll(Enumerable.Range(0, config.AggregateShards)
            .Select(i => GrainFactory.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenantId, i)).GetCountersAsync()));
        var merged = new Dictionary<CellKey, long>();
        foreach (var shard in shards)
        {
            foreach (var (key, value) in shard)
            {
                merged[key] = merged.GetValueOrDefault(key) + value;
            }
        }

        return merged;
    }

    private PrivacyBudgetStatus Status(DifferentialPrivacySettings dp, List<AdherenceWeek> shown)
    {
        var withheld = shown.SelectMany(w => w.Departments.Values.Append(w.Total)).Count(c => c.RatesWithheld);
        var spent = state.State.Released.Budget.Spent;
        var note = withheld > 0 || spent + dp.EpsilonPerRelease > dp.Budget + 1e-9
            ? "The privacy budget is spent: rates released earlier are shown as they were; later rates are not published."
            : null;
        return new PrivacyBudgetStatus(dp.EpsilonPerRelease, dp.Budget, Math.Round(spent, 6), withheld, note);
    }

    private static void CountSuppressed(AdherenceReport report)
    {
        var cells = report.Weeks.SelectMany(w => w.Departments.Values.Append(w.Total)).ToList();
        var participation = cells.Count(c => c.ParticipationSuppressed);
        var health = cells.Count(c => c.HealthSuppressed && !c.ParticipationSuppressed);
        WellnessMetrics.CellsSuppressed.Add(participation, new KeyValuePair<string, object?>("tier", "participation"));
        WellnessMetrics.CellsSuppressed.Add(health, new KeyValuePair<string, object?>("tier", "health"));
    }

    private bool IsCaseWorkToken(string? token) =>
        state.State.CaseWorkUnsubscribeToken is { } current && token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(current));
}
