namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// The ids one cell's request and principal are built from: the tenant the request is about, the other
/// tenant, the person acting (or named in the URL), another employee of the same tenant, an incident
/// case and a roster upload of the tenant.
/// </summary>
internal sealed record Scene(string Tenant, string OtherTenant, string Person, string Peer, string Incident, string Import)
{
    /// <summary>A real provider's issuer, for the rows that register an employer's identity provider.</summary>
    public string Issuer { get; init; } = string.Empty;

    /// <summary>Another provider's issuer, for the other tenant (an issuer belongs to one tenant only).</summary>
    public string OtherIssuer { get; init; } = string.Empty;

    /// <summary>The same scene, with <paramref name="person"/> as the one the principal signs in as (or acts on).</summary>
    public Scene ActingAs(Principal principal, string person) => principal.Peer ? this with { Peer = person } : this with { Person = person };

    /// <summary>A route or query template with this scene's ids filled in.</summary>
    public string Fill(string template) => template
        .Replace("{tenantId}", Tenant, StringComparison.Ordinal)
        .Replace("{employeeId}", Person, StringComparison.Ordinal)
        .Replace("{incidentId}", Incident, StringComparison.Ordinal)
        .Replace("{importId}", Import, StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal);
}
