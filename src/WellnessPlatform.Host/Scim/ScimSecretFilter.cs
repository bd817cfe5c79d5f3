using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Scim;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Scim;

/// <summary>
/// Authenticates a SCIM request by the tenant's provisioning secret, not by a user's token: the bearer
/// "{tenant}.{random}" names its tenant, whose one secret grain compares hashes. A missing, malformed,
/// wrong or revoked secret is a SCIM 401 and reaches no handler. The handler's grain calls then act as
/// the system actor "scim" for that tenant alone.
/// </summary>
public sealed class ScimSecretFilter(IGrainFactory grains) : IEndpointFilter
{
    public const string Actor = "scim";

    private const int MaxSecretLength = 200;
    private static readonly object TenantKey = new();

    /// <summary>The tenant whose secret the request carried; only set behind this filter.</summary>
    public static string TenantOf(HttpContext http) => (string)http.Items[TenantKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (tenant, secret) = ReadBearer(http.Request);
        if (tenant is null)
        {
            return Unauthorized(http);
        }

        using (TenantContext.System(Actor, tenant))
        {
            if (!await grains.GetGrain<IScimSecretGrain>(GrainKeys.ScimSecret(tenant!)).VerifyAsync(secret))
            {
                return Unauthorized(http);
            }

            http.Items[TenantKey] = tenant;
            return await next(context);
        }
    }

    /// <summary>The tenant a bearer names, unverified (null when it names none), and the bearer itself.</summary>
    public static (string? Tenant, string Secret) ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : string.Empty;
        var dot = secret.IndexOf('.', StringComparison.Ordinal);
        var tenant = dot > 0 && secret.Length <= MaxSecretLength ? secret[..dot] : null;
        return (Identifiers.IsValid(tenant) ? tenant : null, secret);
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        return ScimResults.Error(StatusCodes.Status401Unauthorized, null, "A valid SCIM secret of the tenant is required (Authorization: Bearer <secret>).");
    }
}
