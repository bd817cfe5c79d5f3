using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Domain.CareQueue;

/// <summary>
/// Where a case belongs in the work queue: a new incident until triaged; restricted duty while on it,
/// with its end date; Form 301 from two days before it is due until the case closes (the platform does
/// not record the filing itself).
/// </summary>
public static class CaseQueueMembership
{
    /// <summary>How far ahead a Form 301 due date is listed.</summary>
    public static readonly TimeSpan Form301Notice = TimeSpan.FromDays(2);

    public static readonly IReadOnlyList<CareQueueKind> CaseKinds = [CareQueueKind.NewIncident, CareQueueKind.RestrictedDuty, CareQueueKind.Form301Due];

    /// <summary>The kinds the case belongs under now, each with the day it carries (restricted duty may have no end date).</summary>
    public static IReadOnlyList<(CareQueueKind Kind, DateOnly? Day)> Of(IncidentStatus status, DateTimeOffset reportedAt, DateTimeOffset form301DueBy,
        DateOnly? restrictedUntil, DateTimeOffset now)
    {
        var entries = new List<(CareQueueKind, DateOnly?)>();
        if (status == IncidentStatus.Reported)
        {
            entries.Add((CareQueueKind.NewIncident, Day(reportedAt)));
        }

        if (status == IncidentStatus.RestrictedDuty)
        {
            entries.Add((CareQueueKind.RestrictedDuty, restrictedUntil));
        }

        if (status != IncidentStatus.Closed && now >= form301DueBy - Form301Notice)
        {
            entries.Add((CareQueueKind.Form301Due, Day(form301DueBy)));
        }

        return entries;
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
