namespace WellnessPlatform.Contracts.Roster;

/// <summary>
/// Who a tenant has invited, and into which department (key: "{tenant}/roster"). Administrative data
/// only; it is not the aggregate side and holds no health data.
/// </summary>
public interface IRosterGrain : IGrainWithStringKey
{
    Task<Outcome<Invitation>> InviteAsync(string employeeId, string department, string invitedBy);

    Task<Invitation?> GetAsync(string employeeId);

    Task<IReadOnlyList<Invitation>> ListAsync();

    /// <summary>Removes a person's invitation (erasure); false when there was none.</summary>
    Task<bool> RemoveAsync(string employeeId);
}
