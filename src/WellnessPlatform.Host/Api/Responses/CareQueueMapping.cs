using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Work-queue pages to their API form, each entry with the routes that act on it.</summary>
internal static class CareQueueMapping
{
    public static CareQueueResponse ToResponse(this CareQueuePage page, string tenantId, CareQueueKind kind, IReadOnlyDictionary<CareQueueKind, int> counts) => new(
        counts.ToDictionary(c => WireEnum.Name(c.Key), c => c.Value),
        WireEnum.Name(kind),
        [.. page.Items.Select(i => i.ToResponse(tenantId))],
        page.ContinuationToken);

    private static CareQueueItemResponse ToResponse(this CareQueueItem item, string tenantId)
    {
        var person = $"/api/tenants/{tenantId}/employees/{item.EmployeeId}";
        List<CareQueueActionResponse> actions = [];
        if (item.Kind == CareQueueKind.AwaitingClearance)
        {
            actions.Add(new("clear", "PUT", $"{person}/clearance"));
        }

        actions.Add(new("restrict", "PUT", $"{person}/restrictions"));
        if (item.IncidentId is { } incident)
        {
            actions.Add(new("openCase", "GET", $"/api/tenants/{tenantId}/incidents/{incident}"));
        }

        return new CareQueueItemResponse(WireEnum.Name(item.Kind), item.EmployeeId, item.IncidentId, item.Day, actions);
    }
}
