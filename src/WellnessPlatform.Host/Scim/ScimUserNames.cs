using System.Text;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Scim;

/// <summary>
/// How a SCIM userName becomes an employee id (docs/scim.md): ASCII only, lowercased, and each of
/// '.', '_', '@' and '+' turned into '-', so "Alice.Smith@example.com" is "alice-smith-example-com" and a
/// plain id stays as it is. What still breaks the id rule (other characters, over 64, a leading dash) has no id.
/// </summary>
public static class ScimUserNames
{
    public static string? ToEmployeeId(string userName)
    {
        var id = new StringBuilder(userName.Length);
        foreach (var c in userName.Trim())
        {
            // Non-ASCII is refused before lowercasing: culture-free lowering still folds, say, the Kelvin sign into 'k'.
            if (c > '\u007f')
            {
                return null;
            }

            id.Append(c is '.' or '_' or '@' or '+' ? '-' : char.ToLowerInvariant(c));
        }

        return Identifiers.IsValid(id.ToString()) ? id.ToString() : null;
    }
}
