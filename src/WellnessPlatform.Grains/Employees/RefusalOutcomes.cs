using WellnessPlatform.Contracts;
using WellnessPlatform.Domain.Employees;

namespace WellnessPlatform.Grains.Employees;

/// <summary>A record's refusal as the grain answers it: the same code, detail and fields, in the message callers read.</summary>
internal static class RefusalOutcomes
{
    public static Outcome<T> ToOutcome<T>(this Refusal refusal) => new(
        refusal.Kind switch
        {
            RefusalKind.Invalid => OutcomeKind.Invalid,
            RefusalKind.NotFound => OutcomeKind.NotFound,
            _ => OutcomeKind.Conflict,
        },
        default, refusal.Errors, refusal.Code, refusal.Detail);
}
