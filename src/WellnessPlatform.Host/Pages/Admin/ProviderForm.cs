using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Pages.Admin;

/// <summary>
/// The Settings page's sign-in form: the provider, and for each platform role the value of the role
/// claim that grants it (blank: that role is not granted through the provider).
/// </summary>
public sealed class ProviderForm
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public string? SubjectClaim { get; set; } = "preferred_username";

    public string? RoleClaim { get; set; } = "groups";

    public string? EmployeeValue { get; set; }

    public string? HrValue { get; set; }

    public string? CaseWorkerValue { get; set; }

    public string? AdminValue { get; set; }

    public static ProviderForm Of(IdentityProviderRegistration? registration)
    {
        if (registration is null)
        {
            return new ProviderForm();
        }

        string? ValueFor(string role) => registration.Claims.Roles.FirstOrDefault(r => r.Value == role).Key;
        return new ProviderForm
        {
            Issuer = registration.Issuer,
            Audience = registration.Audience,
            SubjectClaim = registration.Claims.SubjectClaim,
            RoleClaim = registration.Claims.RoleClaim,
            EmployeeValue = ValueFor(Roles.Employee),
            HrValue = ValueFor(Roles.Hr),
            CaseWorkerValue = ValueFor(Roles.CaseWorker),
            AdminValue = ValueFor(Roles.TenantAdmin),
        };
    }

    public IdentityProviderRequest ToRequest()
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, role) in new[] { (EmployeeValue, Roles.Employee), (HrValue, Roles.Hr), (CaseWorkerValue, Roles.CaseWorker), (AdminValue, Roles.TenantAdmin) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                roles[value.Trim()] = role;
            }
        }

        return new IdentityProviderRequest(Issuer, Audience, new ClaimMappingRequest(Blank(SubjectClaim), Blank(RoleClaim), roles));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
