namespace WellnessPlatform.Contracts.Roster;

/// <summary>
/// Who a tenant has invited, and into which department (key: "{tenant}/roster"). The roster itself is
/// one table row per person, so this grain holds nothing and runs as a stateless worker: any number of
/// invitations proceed in parallel whatever the tenant's size. Administrative data only; no health data.
/// </summary>
public interface IRosterGrain : IGrainWithStringKey
{
    /// <summary>Invites a person, or moves them to another department; inviting again into the same department changes nothing.</summary>
    Task<Outcome<Invitation>> InviteAsync(string employeeId, string department, string invitedBy);

    Task<Invitation?> GetAsync(string employeeId);

    /// <summary>A page of at most <paramref name="pageSize"/> invitations, in employee-id order.</summary>
    Task<InvitationPage> PageAsync(int pageSize, string? continuationToken);

    /// <summary>How many people are on the roster (kept exact with every change).</summary>
    Task<long> CountAsync();

    /// <summary>Removes a person's invitation (erasure); false when there was none.</summary>
    Task<bool> RemoveAsync(string employeeId);
}
