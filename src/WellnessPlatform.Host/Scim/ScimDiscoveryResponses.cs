namespace WellnessPlatform.Host.Scim;

/// <summary>What this SCIM service supports (RFC 7643 §5): PATCH, the userName filter and ETags; no bulk, sort or passwords.</summary>
public sealed record ScimServiceProviderConfigResponse(
    IReadOnlyList<string> Schemas,
    ScimSupported Patch,
    ScimBulkSupport Bulk,
    ScimFilterSupport Filter,
    ScimSupported ChangePassword,
    ScimSupported Sort,
    ScimSupported Etag,
    IReadOnlyList<ScimAuthenticationScheme> AuthenticationSchemes);

public sealed record ScimSupported(bool Supported);

public sealed record ScimBulkSupport(bool Supported, int MaxOperations, int MaxPayloadSize);

public sealed record ScimFilterSupport(bool Supported, int MaxResults);

public sealed record ScimAuthenticationScheme(string Type, string Name, string Description);

/// <summary>The one resource type, User, with the enterprise extension it requires for the department (RFC 7643 §6).</summary>
public sealed record ScimResourceTypeResponse(
    IReadOnlyList<string> Schemas,
    string Id,
    string Name,
    string Endpoint,
    string Schema,
    IReadOnlyList<ScimSchemaExtension> SchemaExtensions);

public sealed record ScimSchemaExtension(string Schema, bool Required);

/// <summary>A schema as far as this service reads and returns it (RFC 7643 §7): only the attributes it keeps.</summary>
public sealed record ScimSchemaResponse(
    IReadOnlyList<string> Schemas,
    string Id,
    string Name,
    string Description,
    IReadOnlyList<ScimAttributeResponse> Attributes);

public sealed record ScimAttributeResponse(
    string Name,
    string Type,
    bool MultiValued,
    bool Required,
    bool CaseExact,
    string Mutability,
    string Returned,
    string Uniqueness);
