using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WellnessPlatform.Host.OpenApi;

/// <summary>
/// A property left out of the JSON when null (<c>[JsonIgnore(Condition = WhenWritingNull)]</c>, e.g. the
/// case-work address hidden from most readers) is not required, though the generator marks every
/// constructor parameter so: the document must allow the body the API writes.
/// </summary>
public sealed class OmittedNullsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties.Where(OmittedWhenNull))
        {
            required.Remove(property.Name);
        }

        return Task.CompletedTask;
    }

    private static bool OmittedWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;
}
