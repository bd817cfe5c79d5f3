using System.Diagnostics;
using OpenTelemetry;
using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Keeps only allow-listed span attributes. Raw URLs, grain ids and table keys all carry tenant and
/// person ids, so anything not known to be harmless is dropped before export.
/// </summary>
public sealed class PersonalDataScrubber : BaseProcessor<Activity>
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "http.request.method", "http.route", "http.response.status_code", "url.scheme", "network.protocol.version",
        "server.address", "server.port", "error.type", "exception.type",
        "rpc.system", "rpc.service", "rpc.method",
        "az.namespace", "az.client_request_id", "az.service_request_id", "db.system", "kind",
        TenantBoundaryFilter.ActorTag, // a code constant such as "reminder" or "demo-seed", never a person
    };

    public override void OnEnd(Activity data)
    {
        foreach (var tag in data.TagObjects.ToList())
        {
            if (!Allowed.Contains(tag.Key))
            {
                data.SetTag(tag.Key, null);
            }
        }

        if (data.StatusDescription is not null)
        {
            data.SetStatus(data.Status); // the description can quote an exception message
        }
    }
}
