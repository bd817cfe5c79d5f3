namespace WellnessPlatform.Contracts.Scim;

/// <summary>
/// A tenant's SCIM provisioning secret (key: "{tenant}/scim"). Only its SHA-256 is stored: the secret is
/// given once, when issued. The secret reads "{tenant}.{random}", so a SCIM request names its tenant and
/// is checked against this one grain, without a scan.
/// </summary>
public interface IScimSecretGrain : IGrainWithStringKey
{
    /// <summary>Issues a new secret, replacing (and so revoking) the previous one, and returns it once.</summary>
    Task<string> IssueAsync();

    /// <summary>Revokes the secret; false when none was issued.</summary>
    Task<bool> RevokeAsync();

    /// <summary>Whether <paramref name="secret"/> is the tenant's current secret (a constant-time comparison of hashes).</summary>
    Task<bool> VerifyAsync(string secret);
}
