using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Grains.Roster;

/// <summary>A tenant's invitations. A new department for someone already enrolled moves them from today.</summary>
[GrainType(GrainTypes.Roster)]
public sealed class RosterGrain(
    [PersistentState(StorageNames.RosterState, StorageNames.GrainState)] IPersistentState<RosterState> state,
    TimeProvider clock) : Grain, IRosterGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public async Task<Outcome<Invitation>> InviteAsync(string employeeId, string department, string invitedBy)
    {
        var config = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetConfigAsync();
        if (config is null)
        {
            return Outcome<Invitation>.NotFound("tenant_not_found", "This employer is not set up on the platform.");
        }

        if (!config.Departments.Contains(department))
        {
            return Outcome<Invitation>.Invalid(new FieldError("department", "unknown_department", $"Choose one of: {string.Join(", ", config.Departments)}."));
        }

        var invitation = new Invitation(employeeId, department, clock.GetUtcNow(), invitedBy);
        var moved = state.State.Invitations.TryGetValue(employeeId, out var previous) && previous.Department != department;
        state.State.Invitations[employeeId] = invitation;
        await state.WriteStateAsync();
        if (moved)
        {
            var employee = GrainFactory.GetGrain<IEmployeeGrain>(GrainKeys.Employee(TenantId, employeeId));
            if ((await employee.GetStatusAsync()).IsOk)
            {
                await employee.MoveToDepartmentAsync(department);
            }
        }

        return Outcome<Invitation>.Ok(invitation);
    }

    public Task<Invitation?> GetAsync(string employeeId) => Task.FromResult(state.State.Invitations.GetValueOrDefault(employeeId));

    public async Task<bool> RemoveAsync(string employeeId)
    {
        if (!state.State.Invitations.Remove(employeeId))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<Invitation>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Invitation>>([.. state.State.Invitations.Values.OrderBy(i => i.EmployeeId, StringComparer.Ordinal)]);
}
