namespace WellnessPlatform.Contracts;

/// <summary>How a grain command ended; the gateway maps each to an HTTP status.</summary>
public enum OutcomeKind
{
    Ok,

    /// <summary>The input broke a rule; the errors name the fields. Nothing changed.</summary>
    Invalid,

    /// <summary>The person or tenant does not exist (or is not enrolled).</summary>
    NotFound,

    /// <summary>The request is valid but the current state does not allow it (for example a held routine).</summary>
    Conflict,
}
