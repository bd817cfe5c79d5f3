namespace WellnessPlatform.Grains.Scim;

/// <summary>The tenant's SCIM secret as stored: its SHA-256 only, never the secret itself.</summary>
[GenerateSerializer, Alias("wp.ScimSecretState")]
public sealed class ScimSecretState
{
    /// <summary>Null when no secret is issued (or it was revoked).</summary>
    [Id(0)] public byte[]? Hash { get; set; }

    [Id(1)] public DateTimeOffset? IssuedAt { get; set; }
}
