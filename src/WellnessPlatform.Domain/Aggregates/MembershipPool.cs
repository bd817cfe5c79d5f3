namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// The enrolment figure a department shows, and how many membership changes (joins plus leaves) it had
/// seen when that figure was published. The figure moves only once at least k further changes have
/// happened, so the difference between any two published enrolments pools k or more people's joins,
/// leaves or moves: a single joiner, leaver or department change never shows as a step of one.
/// </summary>
[GenerateSerializer, Alias("wp.MembershipPool")]
public sealed class MembershipPool
{
    [Id(0)] public Dictionary<string, PublishedEnrolment> Departments { get; init; } = [];

    /// <summary>The enrolment to show for a department this week; call once per week, in week order.</summary>
    public int Release(string department, int enrolled, long eventsToDate, int k)
    {
        var last = Departments.GetValueOrDefault(department) ?? new PublishedEnrolment(0, 0);
        if (Math.Abs(eventsToDate - last.EventsAtPublish) >= k)
        {
            last = new PublishedEnrolment(enrolled, eventsToDate);
            Departments[department] = last;
        }

        return last.Enrolled;
    }
}

/// <summary>A published enrolment and the membership-change count it was published at.</summary>
[GenerateSerializer, Immutable, Alias("wp.PublishedEnrolment")]
public sealed record PublishedEnrolment(
    [property: Id(0)] int Enrolled,
    [property: Id(1)] long EventsAtPublish);
