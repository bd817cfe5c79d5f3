namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A newly issued SCIM secret, shown this once (only its hash is kept), and the base URL to give the identity provider.</summary>
public sealed record ScimSecretResponse(string Secret, string ScimBaseUrl);
