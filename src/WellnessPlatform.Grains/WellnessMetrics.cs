using System.Diagnostics.Metrics;

namespace WellnessPlatform.Grains;

/// <summary>
/// The platform's own meter, as the grains use it (the gateway counts its refusals on its own meter of
/// the same name, <c>GatewayMetrics</c>). Tags are low-cardinality reasons and statuses only: never a tenant,
/// person or grain id (those would both leak who did what and explode the series count).
/// </summary>
public static class WellnessMetrics
{
    public const string MeterName = "WellnessPlatform";

    private static readonly Meter Meter = new(MeterName, "1.0");

    public static readonly Counter<long> SessionsLogged = Meter.CreateCounter<long>("wellness.sessions.logged", "{session}", "Sessions acknowledged (retries not counted).");

    public static readonly Counter<long> StreaksStarted = Meter.CreateCounter<long>("wellness.streaks.started", "{streak}", "Streaks that went from zero to one period.");

    public static readonly Counter<long> StreaksBroken = Meter.CreateCounter<long>("wellness.streaks.broken", "{streak}", "Streaks that fell back to zero.");

    public static readonly Counter<long> PhaseChanges = Meter.CreateCounter<long>("wellness.phase.changes", "{change}", "Plan phase moves, by direction (up, down).");

    public static readonly Counter<long> IncidentTransitions = Meter.CreateCounter<long>("wellness.incidents.transitions", "{incident}", "Incidents entering a status (reported, triaged, ...).");

    public static readonly Counter<long> CellsSuppressed = Meter.CreateCounter<long>("wellness.cells.suppressed", "{cell}", "Dashboard cells hidden for privacy, by tier (participation, health).");

    public static readonly Counter<long> Wakeups = Meter.CreateCounter<long>("wellness.wakeups", "{wakeup}", "Reminder and timer wake-ups, by kind (review, release, flush, retry, import): the background work the cluster does.");

    public static readonly Counter<long> CallsRefusedAtBoundary = Meter.CreateCounter<long>("wellness.isolation.refused", "{call}",
        "Grain calls the tenant boundary refused, by reason (other-tenant, other-tenant-grain, no-acting-tenant).");

    public static void Woke(string kind) => Wakeups.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void IsolationRefused(string reason) => CallsRefusedAtBoundary.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
