using WellnessPlatform.Domain.Sessions;
namespace WellnessPlatform.Contracts.Employees;

/// <summary>The acknowledgement of a logged session: durable once returned. Duplicate is true for a retry.</summary>
[GenerateSerializer, Immutable, Alias("wp.SessionReceipt")]
public sealed record SessionReceipt(
    [property: Id(0)] SessionRecord Session,
    [property: Id(1)] bool Duplicate,
    [property: Id(2)] int CurrentStreak,
    [property: Id(3)] int LongestStreak,
    [property: Id(4)] string StreakUnit,
    [property: Id(5)] int DaysDoneThisWeek,
    [property: Id(6)] int WeeklyTarget);
