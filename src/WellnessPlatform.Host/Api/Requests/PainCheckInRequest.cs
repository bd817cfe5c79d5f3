using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../pain-checkins; a retry with the same clientCheckInId is counted once.</summary>
public sealed record PainCheckInRequest(string? ClientCheckInId, int? Pain, string? Context)
{
    public PainCheckIn ToCommand(List<FieldError> errors) => new(
        ClientCheckInId ?? string.Empty,
        RequestParsing.Required(Pain, "pain", errors),
        RequestParsing.Enum<PainContext>(Context, "context", errors) ?? PainContext.Daily);
}
