using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>A closed case ends its treatment: the reporter goes back to the wellness track, if the case had put them on the other.</summary>
public sealed partial class IncidentGrain
{
    private async Task EndTreatmentAsync(string actor)
    {
        try
        {
            var employee = GrainFactory.GetGrain<IEmployeeGrain>(GrainKeys.Employee(TenantId, state.State.EmployeeId!));
            await employee.ReturnToWellnessTrackAsync(actor, IncidentId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The case is closed and stored either way; the case worker can still move the person back by hand.
            LogTrackNotEnded(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A closed case could not move its reporter back to the wellness track; a case worker can do it from the case page")]
    private static partial void LogTrackNotEnded(ILogger logger, Exception exception);
}
