namespace WellnessPlatform.Domain.Plans;

/// <summary>How a week ended against the plan's target.</summary>
public enum WeekStatus
{
    /// <summary>Target met: the streak grows.</summary>
    Met,

    /// <summary>A pause, rest or an earned freeze covered the shortfall: the streak holds.</summary>
    Frozen,

    /// <summary>Target missed: the streak breaks.</summary>
    Missed,

    /// <summary>The current week, not yet judged.</summary>
    InProgress,
}
