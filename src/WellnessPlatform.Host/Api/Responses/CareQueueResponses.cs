namespace WellnessPlatform.Host.Api.Responses;

/// <summary>
/// The case workers' work queue: the number of entries of every kind ("awaitingClearance", "painRising",
/// "form301Due", "restrictedDuty", "newIncident"), and one page of the kind asked for.
/// </summary>
public sealed record CareQueueResponse(
    IReadOnlyDictionary<string, int> Counts,
    string Kind,
    IReadOnlyList<CareQueueItemResponse> Items,
    string? ContinuationToken);

/// <summary>
/// One entry: the person, the case when it is about one, and the day it dates from or is due. No health
/// detail beyond that; <c>actions</c> are the routes that act on it in place.
/// </summary>
public sealed record CareQueueItemResponse(string Kind, string EmployeeId, string? IncidentId, DateOnly? Day, IReadOnlyList<CareQueueActionResponse> Actions);

/// <summary>An action on an entry: "clear", "restrict" or "openCase", with the route that does it.</summary>
public sealed record CareQueueActionResponse(string Name, string Method, string Href);
