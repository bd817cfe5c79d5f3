using WellnessPlatform.Domain.Catalog;

namespace WellnessPlatform.Domain.Tests;

public sealed class CatalogTests
{
    [Fact]
    public void The_routine_has_the_three_exercises_of_the_source_with_its_numbers()
    {
        Assert.Equal([ExerciseCatalog.PartialCrunch, ExerciseCatalog.HamstringStretch, ExerciseCatalog.WallSit],
            ExerciseCatalog.Schedulable.Select(e => e.Id));

        var crunch = ExerciseCatalog.PartialCrunchExercise.Prescription!;
        Assert.Equal((8, 12, 1, 1, false), (crunch.MinReps, crunch.MaxReps, crunch.MinHoldSeconds, crunch.MaxHoldSeconds, crunch.PerSide));

        var stretch = ExerciseCatalog.HamstringStretchExercise.Prescription!;
        Assert.Equal((2, 4, 15, 30, true), (stretch.MinReps, stretch.MaxReps, stretch.MinHoldSeconds, stretch.MaxHoldSeconds, stretch.PerSide));

        var wallSit = ExerciseCatalog.WallSitExercise.Prescription!;
        Assert.Equal((8, 12, 10, 10, false), (wallSit.MinReps, wallSit.MaxReps, wallSit.MinHoldSeconds, wallSit.MaxHoldSeconds, wallSit.PerSide));
    }

    [Fact]
    public void Full_sit_ups_and_leg_lifts_are_in_the_catalog_as_contraindicated_and_never_schedulable()
    {
        var avoid = ExerciseCatalog.All.Where(e => e.Contraindicated).ToList();

        Assert.Equal([ExerciseCatalog.FullSitUp, ExerciseCatalog.LegLift], avoid.Select(e => e.Id));
        Assert.DoesNotContain(ExerciseCatalog.Schedulable, e => e.Contraindicated);
        Assert.Equal(ExerciseCatalog.PartialCrunch, ExerciseCatalog.FullSitUpExercise.SaferAlternativeId);
        Assert.Equal(ExerciseCatalog.HamstringStretch, ExerciseCatalog.LegLiftExercise.SaferAlternativeId);
    }

    [Fact]
    public void Every_routine_exercise_carries_steps_and_the_cues_of_the_source()
    {
        Assert.All(ExerciseCatalog.Schedulable, e =>
        {
            Assert.NotEmpty(e.Steps);
            Assert.NotEmpty(e.Cues);
        });
        Assert.Contains(ExerciseCatalog.PartialCrunchExercise.Cues, c => c.Contains("elbows", StringComparison.Ordinal));
        Assert.Contains(ExerciseCatalog.HamstringStretchExercise.Steps, s => s.Contains("towel", StringComparison.Ordinal));
        Assert.Contains(ExerciseCatalog.WallSitExercise.Steps, s => s.Contains("count of ten", StringComparison.Ordinal));
    }
}
