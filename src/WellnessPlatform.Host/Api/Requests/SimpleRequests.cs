namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../pause: a medical pause from a day (today when omitted) until an optional last day.</summary>
public sealed record PauseBody(DateOnly? From, DateOnly? Until);

/// <summary>Body of PUT .../rest-days: weekday names, at most two.</summary>
public sealed record RestDaysRequest(IReadOnlyList<string>? Days);

/// <summary>Body of PUT .../clearance (the case worker is the signed-in caller).</summary>
public sealed record ClearanceRequest(string? Note);

/// <summary>Body of PUT .../restrictions: the exercises this person must leave out (empty lifts all).</summary>
public sealed record RestrictionsRequest(IReadOnlyList<string>? ExerciseIds);
