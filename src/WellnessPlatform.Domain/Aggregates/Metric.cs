namespace WellnessPlatform.Domain.Aggregates;

/// <summary>The counters a tenant's anonymized adherence is built from. Each is a count of people or sessions, never a person.</summary>
public enum Metric : byte
{
    /// <summary>Joined the department in the week (enrolment or move in).</summary>
    Joined = 0,

    /// <summary>Left the department in the week (move out or withdrawal).</summary>
    Left = 1,

    /// <summary>Had at least one session in the week.</summary>
    Active = 2,

    /// <summary>Met the weekly target of their phase.</summary>
    MetTarget = 3,

    /// <summary>Sessions logged in the week.</summary>
    Sessions = 4,

    /// <summary>Active people by streak length at week end, in whole weeks (the bucket).</summary>
    StreakWeeks = 5,

    /// <summary>Sum of (last check-in of the week minus baseline). Health tier.</summary>
    PainChangeSum = 6,

    /// <summary>People with a check-in in the week. Health tier.</summary>
    PainChangeCount = 7,

    /// <summary>Screenings that held the routine (current outcome). Health tier.</summary>
    ScreenedHeld = 8,

    /// <summary>Screenings that cleared the person (current outcome). Health tier.</summary>
    ScreenedClear = 9,
}
