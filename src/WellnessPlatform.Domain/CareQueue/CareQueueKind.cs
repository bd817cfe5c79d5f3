namespace WellnessPlatform.Domain.CareQueue;

/// <summary>The kinds of work in a case worker's queue; each is listed, paged and counted on its own.</summary>
public enum CareQueueKind
{
    /// <summary>A person held at screening, with or without an incident, until a case worker clears them.</summary>
    AwaitingClearance,

    /// <summary>A person whose pain is rising across check-ins, listed only while they consent.</summary>
    PainRising,

    /// <summary>An open case whose OSHA Form 301 is due within two days, or overdue.</summary>
    Form301Due,

    /// <summary>A case on restricted duty, with its end date when one was set.</summary>
    RestrictedDuty,

    /// <summary>A case reported and not yet triaged.</summary>
    NewIncident,
}
