using WellnessPlatform.Contracts;
using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// What a command decided on the employee's record: refused (nothing changed), or accepted, with
/// whether the record changed (and so must be written before the answer) and how the answer reads the
/// progress the write computed.
/// </summary>
internal sealed record Decision<T>(Outcome<T>? Refusal, bool Changed, Func<ProgressReport, T>? Answer)
{
    /// <summary>The person's local week moved (a first enrolment, a new time zone): the weekly review is scheduled anew.</summary>
    public bool Reschedule { get; init; }

    public static Decision<T> Refuse(Outcome<T> refusal) => new(refusal, false, null);

    public static Decision<T> Accept(bool changed, Func<ProgressReport, T> answer) => new(null, changed, answer);

    public static implicit operator Decision<T>(Outcome<T> refusal) => Refuse(refusal);
}
