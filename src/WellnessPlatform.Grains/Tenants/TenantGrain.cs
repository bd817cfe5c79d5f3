using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Tenants;

/// <summary>
/// The employer's grain: settings, and the one place the dashboard reads. A read merges the tenant's
/// fixed number of shards, so its cost depends on weeks and departments, never on head count.
/// </summary>
[GrainType(GrainTypes.Tenant)]
public sealed class TenantGrain(
    [PersistentState(StorageNames.TenantState, StorageNames.GrainState)] IPersistentState<TenantState> state,
    TimeProvider clock) : Grain, ITenantGrain
{
    public const int MaxWeeks = 104;

    public Task<TenantConfig?> GetConfigAsync() => Task.FromResult(state.State.Config);

    public async Task<Outcome<TenantConfig>> ConfigureAsync(TenantConfig config)
    {
        var errors = Validate(config);
        if (state.State.Config is { } existing && existing.AggregateShards != config.AggregateShards)
        {
            errors.Add(new FieldError("aggregateShards", "immutable", $"The shard count is fixed at {existing.AggregateShards} once a tenant exists."));
        }

        if (errors.Count > 0)
        {
            return Outcome<TenantConfig>.Invalid(errors);
        }

        state.State.Config = config with { Departments = [.. config.Departments.Distinct()] };
        await state.WriteStateAsync();
        return Outcome<TenantConfig>.Ok(state.State.Config);
    }

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

        var zone = LocalCalendar.TryFindZone(config.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var thisMonday = LocalCalendar.WeekStart(LocalCalendar.LocalDay(clock.GetUtcNow(), zone));
        var mondays = Enumerable.Range(0, weeks).Select(i => thisMonday.AddDays(-7 * (weeks - 1 - i))).ToList();
        var report = AdherenceReportBuilder.Build(merged, config.Departments, mondays, config.Privacy);
        CountSuppressed(report);
        return Outcome<AdherenceReport>.Ok(report);
    }

    private static void CountSuppressed(AdherenceReport report)
    {
        var cells = report.Weeks.SelectMany(w => w.Departments.Values.Append(w.Total)).ToList();
        var participation = cells.Count(c => c.ParticipationSuppressed);
        var health = cells.Count(c => c.HealthSuppressed && !c.ParticipationSuppressed);
        WellnessMetrics.CellsSuppressed.Add(participation, new KeyValuePair<string, object?>("tier", "participation"));
        WellnessMetrics.CellsSuppressed.Add(health, new KeyValuePair<string, object?>("tier", "health"));
    }

    private static List<FieldError> Validate(TenantConfig config)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.Length > 120)
        {
            errors.Add(new FieldError("name", "required", "Give the employer's name (at most 120 characters)."));
        }

        if (config.Departments is not { Count: > 0 and <= 200 } || config.Departments.Any(d => !GrainKeys.IsValidId(d)))
        {
            errors.Add(new FieldError("departments", "invalid", "List 1–200 departments, each 1–64 lowercase letters, digits or dashes."));
        }

        if (!LocalCalendar.TryFindZone(config.TimeZone, out _))
        {
            errors.Add(new FieldError("timeZone", "unknown_time_zone", "Give an IANA time zone such as Europe/Berlin."));
        }

        errors.AddRange(config.Privacy.Validate());
        errors.AddRange(config.Plan.Validate());
        ValidateUrl(config.IncidentReportingUrl, "incidentReportingUrl", errors);
        ValidateUrl(config.WorkersCompensationUrl, "workersCompensationUrl", errors);
        if (config.AggregateShards is < 1 or > TenantConfig.MaxShards)
        {
            errors.Add(new FieldError("aggregateShards", "out_of_range", $"Use 1 to {TenantConfig.MaxShards} shards."));
        }

        return errors;
    }

    private static void ValidateUrl(string? url, string field, List<FieldError> errors)
    {
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(new FieldError(field, "invalid_url", "Give an absolute http(s) address."));
        }
    }
}
