namespace WellnessPlatform.Domain.Aggregates;

/// <summary>The published rates that can carry differential-privacy noise.</summary>
public enum RateKind : byte
{
    /// <summary>People meeting their weekly target over people enrolled.</summary>
    ShareMeetingTarget = 0,

    /// <summary>Sum of pain changes over people with a check-in. Health tier.</summary>
    AveragePainChange = 1,
}
