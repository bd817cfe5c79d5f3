using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>Today's routine with exact instructions, or the reason there is none and what to do.</summary>
[GenerateSerializer, Immutable, Alias("wp.TodayRoutine")]
public sealed record TodayRoutine(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] RoutineState State,
    [property: Id(2)] string Message,
    [property: Id(3)] IReadOnlyList<Exercise> Exercises,
    [property: Id(4)] IReadOnlyList<Exercise> Restricted,
    [property: Id(5)] IReadOnlyList<Exercise> Avoid,
    [property: Id(6)] int Phase,
    [property: Id(7)] int WeeklyTarget,
    [property: Id(8)] int DaysDoneThisWeek);
