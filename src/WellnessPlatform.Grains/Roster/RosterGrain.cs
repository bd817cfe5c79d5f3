using Orleans.Concurrency;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Grains.Roster;

/// <summary>
/// A tenant's invitations, kept as one table row per person (<see cref="RosterTable"/>). Stateless, so
/// invitations are not queued behind one activation; a new department for someone already enrolled
/// moves them from today.
/// </summary>
[StatelessWorker]
[GrainType(GrainTypes.Roster)]
public sealed class RosterGrain(RosterTable roster, TimeProvider clock) : Grain, IRosterGrain
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

        var entry = (await roster.ApplyAsync(TenantId, [new Invitation(employeeId, department, clock.GetUtcNow(), invitedBy)], config.RosterCapacity))[0];
        if (entry.Change == RosterChange.Full)
        {
            return Outcome<Invitation>.Conflict("roster_full", RosterFullMessage(config));
        }

        if (entry.Change == RosterChange.Moved)
        {
            await MoveIfEnrolledAsync(GrainFactory, TenantId, employeeId, department);
        }

        return Outcome<Invitation>.Ok(entry.Invitation);
    }

    public Task<Invitation?> GetAsync(string employeeId) => roster.GetAsync(TenantId, employeeId);

    public Task<InvitationPage> PageAsync(int pageSize, string? continuationToken) => roster.PageAsync(TenantId, pageSize, continuationToken);

    public Task<bool> RemoveAsync(string employeeId) => roster.DeleteAsync(TenantId, employeeId);

    public Task<long> CountAsync() => roster.CountAsync(TenantId);

    internal static string RosterFullMessage(TenantConfig config) =>
        $"The roster holds its capacity of {config.RosterCapacity:N0} people ({config.AggregateShards} shards × {TenantConfig.PeoplePerShard:N0}); raise aggregateShards in the tenant settings to invite more.";

    /// <summary>Someone invited into a new department who has already enrolled moves from today.</summary>
    internal static async Task MoveIfEnrolledAsync(IGrainFactory grains, string tenantId, string employeeId, string department)
    {
        var employee = grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, employeeId));
        if ((await employee.GetStatusAsync()).IsOk)
        {
            await employee.MoveToDepartmentAsync(department);
        }
    }
}
