using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Tests;

/// <summary>An employee's own entries, checked before anything is recorded, each error naming its field.</summary>
public sealed class EmployeeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private static readonly LoggedExercise[] Routine = [new("partial-crunch", 10, 1, null)];

    private static SessionContext Context(int alreadyLogged = 0, params string[] restricted) =>
        new(Now, Today, TimeZoneInfo.Utc, Today.AddDays(-30), LateEntryDays: 2, restricted, _ => alreadyLogged, MaxSessionsPerDay: 10);

    [Fact]
    public void A_session_counts_for_the_local_day_it_was_done()
    {
        var (day, errors) = EmployeeRules.Session(new SessionEntry("s-1", null, Now.AddDays(-1), Routine, 4, 3), Context());

        Assert.Empty(errors);
        Assert.Equal(Today.AddDays(-1), day);
    }

    [Theory]
    [InlineData(null, 6, "performedAt", "in_future")]
    [InlineData(-3, 0, "day", "too_late")]
    public void A_session_outside_the_late_entry_window_or_in_the_future_is_refused(int? daysBack, int hoursAhead, string field, string code)
    {
        var entry = new SessionEntry("s-1", daysBack is { } back ? Today.AddDays(back) : null, hoursAhead > 0 ? Now.AddHours(hoursAhead) : null, Routine, null, null);

        var error = Assert.Single(EmployeeRules.Session(entry, Context()).Errors);

        Assert.Equal((field, code), (error.Field, error.Code));
    }

    [Fact]
    public void Pain_out_of_range_restricted_exercises_and_a_full_day_name_their_fields()
    {
        var pain = EmployeeRules.Session(new SessionEntry("s-1", null, null, Routine, 11, -1), Context()).Errors;
        var restricted = EmployeeRules.Session(new SessionEntry("s-1", null, null, Routine, null, null), Context(0, "partial-crunch")).Errors;
        var full = EmployeeRules.Session(new SessionEntry("s-1", Today, null, Routine, null, null), Context(alreadyLogged: 10)).Errors;

        Assert.Equal(["painBefore", "painAfter"], pain.Select(e => e.Field));
        Assert.Equal("exercises[0].exerciseId", Assert.Single(restricted).Field);
        Assert.Equal(("day", "day_full"), (Assert.Single(full).Field, full[0].Code));
    }

    [Fact]
    public void A_profile_needs_a_known_zone_one_of_the_departments_and_at_most_two_rest_days()
    {
        Assert.Empty(EmployeeRules.Profile("Europe/Berlin", "office", [DayOfWeek.Sunday], ["office"]));
        Assert.Equal(["timeZone", "department", "restDays"],
            EmployeeRules.Profile("Mars/Olympus", "moon", [DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday], ["office"]).Select(e => e.Field));
    }
}
