namespace WellnessPlatform.Grains;

/// <summary>Stable grain type names: stored state and reminders are keyed by them, so they never change.</summary>
public static class GrainTypes
{
    public const string Prefix = "wp-";
    public const string Employee = "wp-employee";
    public const string Tenant = "wp-tenant";
    public const string Shard = "wp-shard";
    public const string Incident = "wp-incident";
    public const string IncidentIndex = "wp-incident-index";
    public const string Roster = "wp-roster";
    public const string RosterImport = "wp-roster-import";
    public const string Erasure = "wp-erasure";
    public const string CareQueue = "wp-care-queue";
    public const string ScimSecret = "wp-scim-secret";
    public const string IdentityProvider = "wp-identity-provider";

    /// <summary>Platform-wide (keyed by an issuer, not a tenant), so outside <see cref="Prefix"/>: it checks the acting tenant itself.</summary>
    public const string Issuer = "platform-issuer";
}
