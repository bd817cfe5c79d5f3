using System.Text.Json.Serialization;

namespace WellnessPlatform.Host.Scim;

/// <summary>An error in the SCIM error schema (RFC 7644 §3.12); the status is a string there.</summary>
public sealed record ScimErrorResponse(
    IReadOnlyList<string> Schemas,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScimType,
    string Detail);

/// <summary>A provisioned person as a SCIM User: the employee id is both id and userName, the department in the enterprise extension.</summary>
public sealed record ScimUserResponse(
    IReadOnlyList<string> Schemas,
    string Id,
    string UserName,
    bool Active,
    [property: JsonPropertyName(ScimSchemas.EnterpriseUser)] ScimEnterpriseResponse Enterprise,
    ScimMetaResponse Meta);

public sealed record ScimEnterpriseResponse(string Department);

public sealed record ScimMetaResponse(string ResourceType, DateTimeOffset Created, DateTimeOffset LastModified, string Location, string Version);

/// <summary>A page of resources (RFC 7644 §3.4.2); startIndex counts from 1.</summary>
public sealed record ScimListResponse<T>(
    IReadOnlyList<string> Schemas,
    long TotalResults,
    int StartIndex,
    int ItemsPerPage,
    [property: JsonPropertyName("Resources")] IReadOnlyList<T> Resources);
