using WellnessPlatform.Domain;

namespace WellnessPlatform.Contracts;

/// <summary>
/// Every grain key starts with its tenant, so a grain's tenant is part of its identity and a grain
/// can check, on its own, that a call does not cross tenants.
/// </summary>
public static class GrainKeys
{
    public const char Separator = '/';

    /// <summary>Starts the local part of an erasure process's key.</summary>
    public const string ErasurePrefix = "erasure-";

    public static bool IsValidId(string? id) => Identifiers.IsValid(id);

    public static string Employee(string tenantId, string employeeId) => Join(tenantId, employeeId);

    public static string Shard(string tenantId, int index) => Join(tenantId, $"shard-{index}");

    public static string Incident(string tenantId, string incidentId) => Join(tenantId, $"incident-{incidentId}");

    public static string IncidentIndex(string tenantId) => Join(tenantId, "incidents");

    public static string Roster(string tenantId) => Join(tenantId, "roster");

    public static string CareQueue(string tenantId) => Join(tenantId, "care-queue");

    public static string ScimSecret(string tenantId) => Join(tenantId, "scim");

    public static string IdentityProvider(string tenantId) => Join(tenantId, "idp");

    /// <summary>An issuer's key: its SHA-256 in hex, since an issuer URL holds characters that storage keys refuse.</summary>
    public static string Issuer(string issuer) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issuer)));

    public static string RosterImport(string tenantId, string importId) => Join(tenantId, $"import-{importId}");

    /// <summary>One person's erasure process: one per person, so a repeated request joins the one under way.</summary>
    public static string Erasure(string tenantId, string employeeId) => Join(tenantId, $"{ErasurePrefix}{employeeId}");

    /// <summary>The tenant a key belongs to: the part before the first separator, or the key itself.</summary>
    public static string TenantOf(string key)
    {
        var i = key.IndexOf(Separator, StringComparison.Ordinal);
        return i < 0 ? key : key[..i];
    }

    /// <summary>The person or shard part of a key.</summary>
    public static string LocalPart(string key)
    {
        var i = key.IndexOf(Separator, StringComparison.Ordinal);
        return i < 0 ? string.Empty : key[(i + 1)..];
    }

    /// <summary>A stable shard index for an employee (FNV-1a: the same on every silo and every run).</summary>
    public static int ShardIndex(string employeeId, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var c in employeeId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Math.Max(1, shardCount));
    }

    private static string Join(string tenantId, string local)
    {
        if (!IsValidId(tenantId))
        {
            throw new ArgumentException("Tenant ids are 1–64 lowercase letters, digits or dashes.", nameof(tenantId));
        }

        return $"{tenantId}{Separator}{local}";
    }
}
