using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Tenants;

/// <summary>What an employer's settings must hold, and which changes to settings already in use are refused.</summary>
public static class TenantConfigRules
{
    /// <summary>Errors in <paramref name="config"/>, as a change to <paramref name="existing"/> (null when the tenant is new) after <paramref name="budgetSpent"/> of noise.</summary>
    public static List<FieldError> Validate(TenantConfig config, TenantConfig? existing, double budgetSpent)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.Length > 120)
        {
            errors.Add(new FieldError("name", "required", "Give the employer's name (at most 120 characters)."));
        }

        if (config.Departments is not { Count: > 0 and <= TenantConfig.MaxDepartments } || config.Departments.Any(d => !Identifiers.IsValid(d)))
        {
            errors.Add(new FieldError("departments", "invalid", $"List 1–{TenantConfig.MaxDepartments} departments, each 1–64 lowercase letters, digits or dashes."));
        }

        if (!LocalCalendar.TryFindZone(config.TimeZone, out _))
        {
            errors.Add(new FieldError("timeZone", "unknown_time_zone", "Give an IANA time zone such as Europe/Berlin."));
        }

        errors.AddRange(config.Privacy.Validate());
        errors.AddRange(config.DifferentialPrivacy?.Validate() ?? []);
        errors.AddRange(config.Plan.Validate());
        ValidateUrl(config.IncidentReportingUrl, "incidentReportingUrl", errors);
        ValidateUrl(config.WorkersCompensationUrl, "workersCompensationUrl", errors);
        if (config.CaseWorkEmail is not null)
        {
            ReminderRules.Email(config.CaseWorkEmail, "caseWorkEmail", errors);
        }

        if (config.AggregateShards is < 1 or > TenantConfig.MaxShards)
        {
            errors.Add(new FieldError("aggregateShards", "out_of_range", $"Use 1 to {TenantConfig.MaxShards} shards."));
        }

        if (existing is not null && config.AggregateShards < existing.AggregateShards)
        {
            // People keep the shard they enrolled under: a lower count would stop reading theirs.
            errors.Add(new FieldError("aggregateShards", "cannot_lower", $"The shard count can be raised, never lowered below {existing.AggregateShards}."));
        }

        // Exact rates after noisy ones would undo the noise already spent on them.
        if (budgetSpent > 0 && config.DifferentialPrivacy is not { Enabled: true })
        {
            errors.Add(new FieldError("differentialPrivacy.enabled", "cannot_disable", "Differential privacy cannot be switched off once noisy rates have been released."));
        }

        return errors;
    }

    private static void ValidateUrl(string? url, string field, List<FieldError> errors)
    {
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(new FieldError(field, "invalid_url", "Give an absolute http(s) address."));
        }
    }
}
