using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Tests;

public sealed class SessionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IReadOnlyList<FieldError> Validate(params LoggedExercise[] exercises) => SessionRules.ValidateExercises(exercises, []);

    [Fact]
    public void The_prescribed_routine_is_accepted_and_marked_as_prescribed()
    {
        LoggedExercise[] routine =
        [
            new(ExerciseCatalog.PartialCrunch, 10, 1, null),
            new(ExerciseCatalog.HamstringStretch, 3, 20, Side.Both),
            new(ExerciseCatalog.WallSit, 12, 10, null),
        ];

        Assert.Empty(Validate(routine));
        Assert.All(routine, e => Assert.True(SessionRules.IsAsPrescribed(e)));
    }

    [Theory]
    [InlineData(ExerciseCatalog.FullSitUp)]
    [InlineData(ExerciseCatalog.LegLift)]
    public void Contraindicated_exercises_are_refused(string id)
    {
        var error = Assert.Single(Validate(new LoggedExercise(id, 10, 1, null)));

        Assert.Equal("exercises[0].exerciseId", error.Field);
        Assert.Equal("contraindicated", error.Code);
    }

    [Fact]
    public void An_unknown_exercise_is_refused()
    {
        var error = Assert.Single(Validate(new LoggedExercise("burpee", 10, 1, null)));
        Assert.Equal("unknown_exercise", error.Code);
    }

    [Fact]
    public void A_restricted_exercise_is_refused_for_that_person()
    {
        var error = Assert.Single(SessionRules.ValidateExercises([new LoggedExercise(ExerciseCatalog.WallSit, 10, 10, null)], [ExerciseCatalog.WallSit]));
        Assert.Equal("restricted", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-3)]
    public void Repetitions_outside_sane_bounds_are_refused(int reps)
    {
        var error = Assert.Single(Validate(new LoggedExercise(ExerciseCatalog.PartialCrunch, reps, 1, null)));
        Assert.Equal("exercises[0].reps", error.Field);
    }

    [Fact]
    public void A_hold_outside_sane_bounds_is_refused()
    {
        var error = Assert.Single(Validate(new LoggedExercise(ExerciseCatalog.WallSit, 10, 600, null)));
        Assert.Equal("exercises[0].holdSeconds", error.Field);
    }

    [Fact]
    public void The_hamstring_stretch_needs_a_side_and_the_others_must_not_have_one()
    {
        var errors = Validate(
            new LoggedExercise(ExerciseCatalog.HamstringStretch, 3, 20, null),
            new LoggedExercise(ExerciseCatalog.WallSit, 10, 10, Side.Left));

        Assert.Equal(["exercises[0].side", "exercises[1].side"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_short_stretch_is_logged_but_not_as_prescribed()
    {
        // The source asks for a hold of at least 15 seconds.
        var shortHold = new LoggedExercise(ExerciseCatalog.HamstringStretch, 3, 10, Side.Both);

        Assert.Empty(Validate(shortHold));
        Assert.False(SessionRules.IsAsPrescribed(shortHold));
    }

    [Fact]
    public void An_empty_session_is_refused()
    {
        Assert.Equal("required", Assert.Single(SessionRules.ValidateExercises([], [])).Code);
    }

    [Fact]
    public void Days_in_the_future_are_refused()
    {
        Assert.Equal("in_future", SessionRules.ValidateDay(Today.AddDays(1), Today, Today.AddDays(-30), 2, "day")?.Code);
    }

    [Fact]
    public void Late_entries_within_the_window_are_allowed_and_beyond_it_refused()
    {
        Assert.Null(SessionRules.ValidateDay(Today.AddDays(-2), Today, Today.AddDays(-30), 2, "day"));
        Assert.Equal("too_late", SessionRules.ValidateDay(Today.AddDays(-3), Today, Today.AddDays(-30), 2, "day")?.Code);
    }

    [Fact]
    public void Days_before_enrolment_are_refused()
    {
        Assert.Equal("before_enrolment", SessionRules.ValidateDay(Today.AddDays(-1), Today, Today, 2, "day")?.Code);
    }
}
