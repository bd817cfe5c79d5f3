using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Host.Scim;

/// <summary>An invitation as a SCIM User, and its version (ETag), which changes with the department or the invitation's time.</summary>
public static class ScimUserMapping
{
    public static ScimUserResponse ToScimUser(this Invitation invitation, HttpRequest request, bool active = true) =>
        new([ScimSchemas.User, ScimSchemas.EnterpriseUser], invitation.EmployeeId, invitation.EmployeeId, active,
            new ScimEnterpriseResponse(invitation.Department),
            new ScimMetaResponse("User", invitation.InvitedAt, invitation.InvitedAt, Location(request, invitation.EmployeeId), Version(invitation)));

    public static string Location(HttpRequest request, string employeeId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{ScimPaths.Users}/{employeeId}";

    public static string Version(Invitation invitation)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{invitation.Department}\n{invitation.InvitedAt.UtcTicks}")));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"";
    }

    /// <summary>Whether an If-Match header (absent, "*", or a list of tags, weak or strong) admits the current version.</summary>
    public static bool Matches(string? ifMatch, Invitation invitation)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        var current = Opaque(Version(invitation));
        return ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || Opaque(t) == current);
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
