namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A tenant's registered identity provider.</summary>
public sealed record IdentityProviderResponse(string Issuer, string Audience, ClaimMappingResponse Claims, DateTimeOffset RegisteredAt);

public sealed record ClaimMappingResponse(string Subject, string Role, IReadOnlyDictionary<string, string> Roles);
