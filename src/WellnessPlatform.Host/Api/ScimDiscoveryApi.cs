using WellnessPlatform.Host.Scim;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// SCIM's self-description (RFC 7644 §4): ServiceProviderConfig, ResourceTypes and Schemas, behind the
/// same SCIM secret as the users, so a provider's "test connection" also proves the secret.
/// </summary>
public static class ScimDiscoveryApi
{
    private static readonly ScimServiceProviderConfigResponse Config = new(
        [ScimSchemas.ServiceProviderConfig],
        new ScimSupported(true),
        new ScimBulkSupport(false, 0, 0),
        new ScimFilterSupport(true, ScimUsersApi.MaxCount),
        new ScimSupported(false),
        new ScimSupported(false),
        new ScimSupported(true),
        [new ScimAuthenticationScheme("oauthbearertoken", "SCIM secret", "The tenant's SCIM secret as a bearer token; a tenant admin issues it at POST /api/tenants/{tenantId}/scim-token.")]);

    private static readonly ScimResourceTypeResponse UserType = new(
        [ScimSchemas.ResourceType], "User", "User", "/Users", ScimSchemas.User, [new ScimSchemaExtension(ScimSchemas.EnterpriseUser, true)]);

    private static readonly ScimSchemaResponse[] UserSchemas =
    [
        new([ScimSchemas.Schema], ScimSchemas.User, "User", "A person on the tenant's roster; userName maps to the employee id (docs/scim.md).",
        [
            new("userName", "string", false, true, false, "immutable", "default", "server"),
            new("active", "boolean", false, false, false, "readWrite", "default", "none"),
        ]),
        new([ScimSchemas.Schema], ScimSchemas.EnterpriseUser, "EnterpriseUser", "The person's department, one of the tenant's departments.",
        [
            new("department", "string", false, true, true, "readWrite", "default", "none"),
        ]),
    ];

    public static IEndpointRouteBuilder MapScimDiscoveryApi(this IEndpointRouteBuilder routes)
    {
        var scim = routes.MapGroup(ScimPaths.Base)
            .AllowAnonymous() // not a user's token: the filter checks the tenant's SCIM secret
            .ExcludeFromDescription()
            .AddEndpointFilter<ScimSecretFilter>();
        scim.MapGet("/ServiceProviderConfig", () => ScimResults.Json(Config));
        scim.MapGet("/ResourceTypes", () => ScimResults.Json(new ScimListResponse<ScimResourceTypeResponse>([ScimSchemas.ListResponse], 1, 1, 1, [UserType])));
        scim.MapGet("/Schemas", () => ScimResults.Json(new ScimListResponse<ScimSchemaResponse>([ScimSchemas.ListResponse], UserSchemas.Length, 1, UserSchemas.Length, UserSchemas)));
        return routes;
    }
}
