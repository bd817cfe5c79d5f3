namespace WellnessPlatform.Contracts.Tenants;

/// <summary>Where the case workers' alerts go: the tenant's occupational-health team address, and the secret of its unsubscribe link.</summary>
[GenerateSerializer, Immutable, Alias("wp.CaseWorkRecipient")]
public sealed record CaseWorkRecipient([property: Id(0)] string Email, [property: Id(1)] string UnsubscribeToken);
