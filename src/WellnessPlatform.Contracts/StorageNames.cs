namespace WellnessPlatform.Contracts;

/// <summary>Names shared by the grains and the hosts that configure storage for them.</summary>
public static class StorageNames
{
    /// <summary>The grain storage provider (Azure Table in every host, memory in logic tests).</summary>
    public const string GrainState = "wellness";

    public const string EmployeeState = "employee";
    public const string TenantState = "tenant";
    public const string ShardState = "shard";
    public const string ShardDepartedState = "shard-departed";
    public const string IncidentState = "incident";
    public const string RosterImportState = "roster-import";
    public const string ErasureState = "erasure";
    public const string ScimSecretState = "scim-secret";
    public const string IdentityProviderState = "identity-provider";
    public const string IssuerState = "issuer";
}
