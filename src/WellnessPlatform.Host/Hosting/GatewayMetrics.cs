using System.Diagnostics.Metrics;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// The gateway's own instruments, on a meter of the same name as the grains' (listeners and
/// OpenTelemetry match meters by name, so both count as the platform's meter). Tags are
/// low-cardinality reasons only: never a tenant, person or grain id.
/// </summary>
public static class GatewayMetrics
{
    public const string MeterName = "WellnessPlatform";

    private static readonly Meter Meter = new(MeterName, "1.0");

    public static readonly Counter<long> InputsRejected = Meter.CreateCounter<long>("wellness.inputs.rejected", "{request}", "Inputs refused, by reason code.");

    public static readonly Counter<long> StorageRejected = Meter.CreateCounter<long>("wellness.storage.rejected", "{request}",
        "Requests whose write storage refused for good (a retry cannot help), by reason (the Azure Table error code or unknown).");

    public static void Rejected(string reason) => InputsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void RejectedByStorage(string reason) => StorageRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
