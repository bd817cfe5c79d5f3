using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../screening.</summary>
public sealed record ScreeningRequest(int? PainIntensity, bool? WorkRelated, bool? RecentInjury, IReadOnlyList<string>? RedFlags)
{
    public ScreeningAnswers ToCommand(List<FieldError> errors)
    {
        var pain = RequestParsing.Required(PainIntensity, "painIntensity", errors);
        if (WorkRelated is null)
        {
            errors.Add(new FieldError("workRelated", "required", "Say whether the pain came from a work-related incident."));
        }

        if (RecentInjury is null)
        {
            errors.Add(new FieldError("recentInjury", "required", "Say whether you injured your back in the last six weeks."));
        }

        return new ScreeningAnswers(pain, WorkRelated ?? false, RecentInjury ?? false, RequestParsing.Enums<RedFlag>(RedFlags, "redFlags", errors));
    }
}
