using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.CaseWork;

/// <summary>Checks the paging parameters of the incident list routes.</summary>
public static class IncidentPaging
{
    /// <summary>Azure's tokens are a partition and a row key; anything much longer is not one of ours.</summary>
    public const int MaxTokenLength = 512;

    public static void Validate(int? pageSize, string? continuationToken, List<FieldError> errors)
    {
        if (pageSize is < 1 or > IncidentQueueQuery.MaxPageSize)
        {
            errors.Add(new FieldError("pageSize", "out_of_range", $"Ask for 1 to {IncidentQueueQuery.MaxPageSize} cases per page."));
        }

        if (continuationToken is { Length: 0 or > MaxTokenLength })
        {
            errors.Add(new FieldError("continuationToken", "invalid", "Pass back the continuationToken of the previous page unchanged."));
        }
    }
}
