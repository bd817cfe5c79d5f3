using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Incident cases and queue pages to their API form.</summary>
internal static class IncidentMapping
{
    public static IncidentCaseResponse ToResponse(this IncidentCase c) => new(
        c.IncidentId, c.EmployeeId, c.Report.ToResponse(), c.ReportedAt, WireEnum.Name(c.Status),
        [.. c.Timeline.Select(t => new IncidentStepResponse(WireEnum.Name(t.Status), t.At, t.Actor, t.Note))],
        c.Form301DueBy, WireEnum.Names(c.AllowedNext), c.RestrictedUntil);

    public static IncidentQueueResponse ToResponse(this IncidentQueuePage page) => new(
        [.. page.Items.Select(i => new IncidentLineResponse(i.IncidentId, i.EmployeeId, WireEnum.Name(i.Status), i.ReportedAt, i.OccurredAt, i.PrivacyCase, i.Form301DueBy))],
        page.ContinuationToken);

    /// <summary>Cases per status, keyed by the status's API name.</summary>
    public static IReadOnlyDictionary<string, int> ToResponse(this IReadOnlyDictionary<IncidentStatus, int> counts) =>
        counts.ToDictionary(c => WireEnum.Name(c.Key), c => c.Value);

    private static IncidentReportResponse ToResponse(this IncidentReport r) => new(
        r.OccurredAt, r.Location, r.Activity, r.WhatHappened, r.Injury, r.BodyPart, WireEnum.Name(r.Treatment), r.PrivacyCase);
}
