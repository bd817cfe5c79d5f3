namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// What a command decided on the record: refused (nothing changed), or accepted, with whether the
/// record changed and so must be stored before anyone is answered.
/// </summary>
public record Decision(Refusal? Refused, bool Changed)
{
    public static Decision Unchanged { get; } = new(null, false);

    public static Decision Change { get; } = new(null, true);

    /// <summary>The person's local week moved (a first enrolment, a new time zone): the weekly review is scheduled anew.</summary>
    public bool Reschedule { get; init; }

    public static implicit operator Decision(Refusal refusal) => new(refusal, false);
}

/// <summary>A decision that also says what came of it: the session logged, the screening's outcome.</summary>
public sealed record Decision<T>(Refusal? Refused, bool Changed, T? Value) : Decision(Refused, Changed)
{
    public static implicit operator Decision<T>(Refusal refusal) => new(refusal, false, default);
}
