namespace WellnessPlatform.Domain.Care;

/// <summary>Whether today's routine can be done, and if not, why.</summary>
public enum RoutineState
{
    Ready,
    DoneToday,
    NeedsScreening,
    OnHold,
    Paused,
}
