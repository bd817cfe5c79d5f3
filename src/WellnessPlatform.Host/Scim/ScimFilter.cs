using System.Text.Json;
using System.Text.RegularExpressions;

namespace WellnessPlatform.Host.Scim;

/// <summary>
/// The one filter identity providers send before they create someone: <c>userName eq "…"</c> (RFC 7644
/// §3.4.2.2; the attribute and operator case-insensitive, the value a JSON string).
/// </summary>
public static partial class ScimFilter
{
    public static bool TryUserNameEquals(string filter, out string userName)
    {
        userName = string.Empty;
        var match = UserNameEq().Match(filter);
        if (!match.Success)
        {
            return false;
        }

        try
        {
            userName = JsonSerializer.Deserialize<string>($"\"{match.Groups[1].Value}\"") ?? string.Empty;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("""^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserNameEq();
}
