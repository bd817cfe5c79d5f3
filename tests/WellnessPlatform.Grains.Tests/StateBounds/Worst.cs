namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>Strings at their longest and dearest to store: a fresh instance each, of three-byte UTF-8 characters.</summary>
internal static class Worst
{
    /// <summary><paramref name="length"/> characters of '€' (three bytes each in UTF-8), told apart by a numbered prefix.</summary>
    public static string Text(int length, int n = 0)
    {
        var prefix = n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(prefix, new string('€', length - prefix.Length));
    }

    /// <summary>An id of lowercase letters, digits and dashes (tenant departments), <paramref name="length"/> long.</summary>
    public static string Id(int length, int n = 0)
    {
        var prefix = $"d{n:D5}-";
        return string.Concat(prefix, new string('x', length - prefix.Length));
    }

    /// <summary>A copy that is not the same instance, so no serializer can share it.</summary>
    public static string Copy(string value) => new(value.AsSpan());
}
