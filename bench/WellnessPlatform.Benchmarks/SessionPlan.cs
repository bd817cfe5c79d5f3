using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Host.Api.Requests;

namespace WellnessPlatform.Benchmarks;

/// <summary>One planned session: on which day of the week (0–6), whether it is logged a day late, pain before/after if given.</summary>
internal sealed record PlannedSession(int Day, bool Late, int? PainBefore, int? PainAfter, bool FullRoutine)
{
    /// <summary>The day of the week on which the person sends it.</summary>
    public int SentOn => Late ? Day + 1 : Day;
}

/// <summary>
/// A week as people log it: sessions on 3 or 4 of the 7 days, one in seven a day late (the `day` field
/// back-dated), pain before and after on a third of them, the short or the full routine.
/// </summary>
internal static class SessionPlan
{
    private static readonly ExerciseEntryRequest[] ShortRoutine =
    [
        new(ExerciseCatalog.PartialCrunch, 10, 1, null),
        new(ExerciseCatalog.WallSit, 10, 10, null),
    ];

    private static readonly ExerciseEntryRequest[] FullRoutine =
    [
        new(ExerciseCatalog.PartialCrunch, 10, 1, null),
        new(ExerciseCatalog.HamstringStretch, 3, 20, "left"),
        new(ExerciseCatalog.HamstringStretch, 3, 20, "right"),
        new(ExerciseCatalog.WallSit, 10, 10, null),
    ];

    public static IReadOnlyList<PlannedSession> For(int person)
    {
        var random = new Random(person);
        var days = Enumerable.Range(0, 7).OrderBy(_ => random.Next()).Take(random.Next(3, 5)).Order();
        return [.. days.Select(day =>
        {
            var late = day < 6 && random.Next(7) == 0;
            int? before = random.Next(3) == 0 ? random.Next(2, 5) : null;
            return new PlannedSession(day, late, before, before - random.Next(0, 2), random.Next(2) == 0);
        })];
    }

    public static LogSessionRequest Request(string clientSessionId, DateOnly day, PlannedSession session) =>
        new(clientSessionId, day, null, session.FullRoutine ? FullRoutine : ShortRoutine, session.PainBefore, session.PainAfter);
}
