namespace WellnessPlatform.Grains.Identity;

/// <summary>The tenant holding an issuer, and the issuer itself (the key is only its hash).</summary>
[GenerateSerializer, Alias("wp.IssuerState")]
public sealed class IssuerState
{
    [Id(0)] public string? Issuer { get; set; }

    [Id(1)] public string? TenantId { get; set; }
}
