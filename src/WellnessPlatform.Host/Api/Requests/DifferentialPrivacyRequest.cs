using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Privacy;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>The "differentialPrivacy" part of a tenant's settings: noise on published rates under a budget.</summary>
public sealed record DifferentialPrivacyRequest(bool? Enabled, double? EpsilonPerRelease, double? Budget)
{
    public DifferentialPrivacySettings ToSettings(List<FieldError> errors)
    {
        if (Enabled is null)
        {
            errors.Add(new FieldError("differentialPrivacy.enabled", "required", "Say whether differential privacy is on (true or false)."));
        }

        var settings = new DifferentialPrivacySettings(Enabled ?? false,
            EpsilonPerRelease ?? DifferentialPrivacySettings.Off.EpsilonPerRelease, Budget ?? DifferentialPrivacySettings.Off.Budget);
        errors.AddRange(settings.Validate());
        return settings;
    }
}
