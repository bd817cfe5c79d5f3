using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../incidents. A retry with the same clientReportId files the report once.</summary>
public sealed record IncidentReportRequest(
    string? ClientReportId,
    DateTimeOffset? OccurredAt,
    string? Location,
    string? Activity,
    string? WhatHappened,
    string? Injury,
    string? BodyPart,
    string? Treatment,
    bool? PrivacyCase)
{
    public IncidentReport ToReport(List<FieldError> errors)
    {
        if (OccurredAt is null)
        {
            errors.Add(new FieldError("occurredAt", "required", "Say when it happened."));
        }

        return new IncidentReport(OccurredAt ?? default, Location ?? string.Empty, Activity ?? string.Empty, WhatHappened ?? string.Empty,
            Injury ?? string.Empty, BodyPart ?? string.Empty,
            RequestParsing.Enum<TreatmentSought>(Treatment ?? nameof(TreatmentSought.None), "treatment", errors) ?? TreatmentSought.None,
            PrivacyCase ?? false);
    }
}
