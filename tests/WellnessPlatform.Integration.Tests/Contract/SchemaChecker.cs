using System.Text.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests.Contract;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.1 schema, for the subset the document uses: $ref, type (one
/// or a list, "null" included), properties, required, additionalProperties, items, enum, oneOf, anyOf
/// and allOf. Formats and patterns are not checked. When <c>strict</c>, a property the schema does not
/// declare is a mismatch too, so a body that grew a field the document does not show fails.
/// </summary>
internal sealed class SchemaChecker(JsonNode document, bool strict)
{
    /// <summary>The first mismatch as "path: what was wrong", or null when the value fits.</summary>
    public string? FirstMismatch(JsonNode? value, JsonNode schema, string path = "$")
    {
        if (schema["$ref"] is { } reference)
        {
            return FirstMismatch(value, Resolve((string)reference!), path);
        }

        if (schema["allOf"] is JsonArray all)
        {
            foreach (var part in all)
            {
                if (FirstMismatch(value, part!, path) is { } mismatch)
                {
                    return mismatch;
                }
            }
        }

        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (schema[key] is JsonArray options)
            {
                var mismatches = options.Select(o => FirstMismatch(value, o!, path)).ToList();
                if (mismatches.All(m => m is not null))
                {
                    return $"{path}: fits none of {key} ({string.Join("; ", mismatches)})";
                }
            }
        }

        if (schema["type"] is { } type && !Types(type).Any(t => Fits(value, t)))
        {
            return $"{path}: expected {type.ToJsonString()}, got {Kind(value)} {value?.ToJsonString() ?? "null"}";
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            return $"{path}: {value?.ToJsonString() ?? "null"} is not one of {allowed.ToJsonString()}";
        }

        return value switch
        {
            JsonObject obj => ObjectMismatch(obj, schema, path),
            JsonArray array when schema["items"] is { } items => array
                .Select((item, i) => FirstMismatch(item, items, $"{path}[{i}]"))
                .FirstOrDefault(m => m is not null),
            _ => null,
        };
    }

    private string? ObjectMismatch(JsonObject obj, JsonNode schema, string path)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => (string)n!))
        {
            if (!obj.ContainsKey(name))
            {
                return $"{path}: required property \"{name}\" is missing";
            }
        }

        foreach (var (name, item) in obj)
        {
            var itemPath = $"{path}.{name}";
            if (properties?[name] is { } declared)
            {
                if (FirstMismatch(item, declared, itemPath) is { } mismatch)
                {
                    return mismatch;
                }
            }
            else if (schema["additionalProperties"] is JsonObject extra)
            {
                if (FirstMismatch(item, extra, itemPath) is { } mismatch)
                {
                    return mismatch;
                }
            }
            else if (strict && properties is not null && schema["additionalProperties"] is null)
            {
                return $"{itemPath}: not in the schema";
            }
        }

        return null;
    }

    private JsonNode Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local schema references are followed, not {reference}.");
        }

        return document["components"]?["schemas"]?[reference[Prefix.Length..]]
            ?? throw new InvalidOperationException($"The document has no schema {reference}.");
    }

    private static IEnumerable<string> Types(JsonNode type) =>
        type is JsonArray list ? list.Select(t => (string)t!) : [(string)type!];

    private static bool Fits(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => Kind(value) == JsonValueKind.String,
        "boolean" => Kind(value) is JsonValueKind.True or JsonValueKind.False,
        "number" => Kind(value) == JsonValueKind.Number,
        "integer" => Kind(value) == JsonValueKind.Number && value!.GetValue<decimal>() % 1 == 0,
        _ => throw new NotSupportedException($"Schema type {type}."),
    };

    private static JsonValueKind Kind(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;
}
