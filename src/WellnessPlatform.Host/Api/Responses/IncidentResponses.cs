using System.Text.Json.Serialization;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>
/// A case with its report and timeline. Statuses are "reported", "triaged", "inTreatment",
/// "restrictedDuty", "returnToWork" or "closed"; <c>allowedNext</c> lists where it may move; <c>restrictedUntil</c>
/// is restricted duty's last day, left out when none was given (so a case reads as it did before it existed).
/// </summary>
public sealed record IncidentCaseResponse(
    string IncidentId,
    string EmployeeId,
    IncidentReportResponse Report,
    DateTimeOffset ReportedAt,
    string Status,
    IReadOnlyList<IncidentStepResponse> Timeline,
    DateTimeOffset Form301DueBy,
    IReadOnlyList<string> AllowedNext,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? RestrictedUntil);

/// <summary>
/// The report as filed; <c>treatment</c> is "none", "firstAid", "clinician", "emergencyRoom" or "hospitalized".
/// </summary>
public sealed record IncidentReportResponse(
    DateTimeOffset OccurredAt,
    string Location,
    string Activity,
    string WhatHappened,
    string Injury,
    string BodyPart,
    string Treatment,
    bool PrivacyCase);

/// <summary>One step of a case's timeline: the status it moved to, when, who moved it and why.</summary>
public sealed record IncidentStepResponse(string Status, DateTimeOffset At, string Actor, string? Note);

/// <summary>A page of the incident queue, newest first; the token asks for the next page (null at the end).</summary>
public sealed record IncidentQueueResponse(IReadOnlyList<IncidentLineResponse> Items, string? ContinuationToken);

/// <summary>A line of the queue: no narrative, only what is needed to pick a case.</summary>
public sealed record IncidentLineResponse(
    string IncidentId,
    string EmployeeId,
    string Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset OccurredAt,
    bool PrivacyCase,
    DateTimeOffset Form301DueBy);
