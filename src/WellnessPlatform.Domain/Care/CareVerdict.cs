namespace WellnessPlatform.Domain.Care;

/// <summary>What the care gate says about a day's routine: its state and the sentence the person reads.</summary>
public sealed record CareVerdict(RoutineState State, string Message)
{
    /// <summary>Screening missing, a hold or a medical pause: no session is recorded for that day.</summary>
    public bool BlocksSessions => State is RoutineState.NeedsScreening or RoutineState.OnHold or RoutineState.Paused;

    /// <summary>The problem code a refused session answers with.</summary>
    public string Code => State switch
    {
        RoutineState.NeedsScreening => "screening_required",
        RoutineState.OnHold => "routine_on_hold",
        RoutineState.Paused => "routine_paused",
        _ => "conflict",
    };
}
