using System.Text.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Host.Scim;

/// <summary>Reads SCIM bodies: attribute names are case-insensitive (RFC 7643 §2.1), and the values this gateway uses are type-checked.</summary>
public static class ScimJson
{
    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonNode? Get(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static bool Has(JsonObject obj, string name) =>
        obj.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public static bool TryString(JsonNode? node, out string value)
    {
        value = string.Empty;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        return false;
    }

    /// <summary>A boolean; also "True"/"False" as strings, which Entra ID sends for <c>active</c> unless its SCIM-compliance flag is set.</summary>
    public static bool TryBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue v)
        {
            return false;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                value = v.GetValue<bool>();
                return true;
            case JsonValueKind.String:
                return bool.TryParse(v.GetValue<string>(), out value);
            default:
                return false;
        }
    }

    /// <summary>The schemas array: null when it is all strings from <paramref name="known"/> and names <paramref name="required"/>, else why not.</summary>
    public static ScimProblem? CheckSchemas(JsonObject body, string required, params string[] known)
    {
        if (Get(body, "schemas") is not JsonArray schemas || schemas.Count == 0)
        {
            return ScimProblem.InvalidValue($"\"schemas\" must be an array naming {required}.");
        }

        var names = new List<string>();
        foreach (var item in schemas)
        {
            if (!TryString(item, out var name))
            {
                return ScimProblem.InvalidValue("\"schemas\" holds only strings.");
            }

            names.Add(name);
        }

        if (names.FirstOrDefault(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return ScimProblem.InvalidSyntax($"Unknown schema \"{unknown}\"; this endpoint takes {string.Join(", ", known)}.");
        }

        return names.Contains(required, StringComparer.OrdinalIgnoreCase) ? null : ScimProblem.InvalidValue($"\"schemas\" must name {required}.");
    }
}
