using WellnessPlatform.Contracts;

namespace WellnessPlatform.Grains.Employees;

/// <summary>The person's entries in the case workers' queue: awaiting clearance, and rising pain with consent (<see cref="CareQueueListing"/>).</summary>
public sealed partial class EmployeeGrain
{
    private CareQueueListing? _listing;

    private CareQueueListing Listing => _listing ??= new CareQueueListing(this, GrainFactory, () => _record, WriteAsync, TenantId,
        GrainKeys.LocalPart(this.GetPrimaryKeyString()), options.Value.OutboxRetryInterval, logger);
}
