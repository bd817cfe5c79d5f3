namespace WellnessPlatform.Contracts.Identity;

/// <summary>
/// Which claims of an employer's tokens name the person and their role. <paramref name="SubjectClaim"/>
/// should carry what the employer's SCIM client sends as <c>userName</c>, so a signed-in person is the
/// employee SCIM provisioned. <paramref name="Roles"/> maps the provider's role values to the platform's
/// roles (employee, hr, caseworker, tenant-admin); a value it does not list grants nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ClaimMapping")]
public sealed record ClaimMapping(
    [property: Id(0)] string SubjectClaim,
    [property: Id(1)] string RoleClaim,
    [property: Id(2)] IReadOnlyDictionary<string, string> Roles);
