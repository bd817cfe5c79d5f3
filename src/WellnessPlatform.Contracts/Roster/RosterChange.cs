namespace WellnessPlatform.Contracts.Roster;

/// <summary>What an invitation did to the roster.</summary>
public enum RosterChange
{
    /// <summary>The person was not on the roster and now is.</summary>
    Created,

    /// <summary>The person was in another department and moves from today.</summary>
    Moved,

    /// <summary>The person was already in that department: nothing was written.</summary>
    Unchanged,

    /// <summary>The person was not added: the roster is at its capacity (raise the tenant's aggregateShards).</summary>
    Full,
}
