using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>The case workers' queue for one tenant, kept current by the incident grains.</summary>
[GrainType(GrainTypes.IncidentIndex)]
public sealed class IncidentIndexGrain(
    [PersistentState(StorageNames.IncidentIndexState, StorageNames.GrainState)] IPersistentState<IncidentIndexState> state,
    TimeProvider clock) : Grain, IIncidentIndexGrain
{
    public async Task UpsertAsync(IncidentSummary summary)
    {
        if (state.State.Cases.TryGetValue(summary.IncidentId, out var existing) && existing == summary)
        {
            return;
        }

        state.State.Cases[summary.IncidentId] = summary;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<IncidentSummary>> QueryAsync(IncidentStatus? status, int? maxAgeDays, string? employeeId)
    {
        var since = maxAgeDays is { } days ? clock.GetUtcNow().AddDays(-days) : DateTimeOffset.MinValue;
        IReadOnlyList<IncidentSummary> result = [.. state.State.Cases.Values
            .Where(c => status is null || c.Status == status)
            .Where(c => c.ReportedAt >= since)
            .Where(c => employeeId is null || c.EmployeeId == employeeId)
            .OrderByDescending(c => c.ReportedAt)];
        return Task.FromResult(result);
    }

    public Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync()
    {
        IReadOnlyDictionary<IncidentStatus, int> counts = Enum.GetValues<IncidentStatus>()
            .ToDictionary(s => s, s => state.State.Cases.Values.Count(c => c.Status == s));
        return Task.FromResult(counts);
    }
}
