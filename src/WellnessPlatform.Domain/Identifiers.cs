using System.Text.RegularExpressions;

namespace WellnessPlatform.Domain;

/// <summary>The one shape of tenant, person, department and case ids: they become grain and table keys.</summary>
public static partial class Identifiers
{
    public const string Rule = "1–64 lowercase letters, digits or dashes, starting with a letter or digit";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
