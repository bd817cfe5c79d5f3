namespace WellnessPlatform.Domain.CareQueue;

/// <summary>The queue entries one person can be listed under; stored as what the queue table is known to hold.</summary>
[Flags]
public enum CareQueueMarks
{
    None = 0,
    AwaitingClearance = 1,
    PainRising = 2,
}
