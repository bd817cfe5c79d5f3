using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// Renders a decoded grain state as indented JSON of its public properties, so what a golden file holds
/// can be read and compared as text. Dictionaries keyed by records are written as key/value pairs.
/// </summary>
internal static class StateRendering
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new PairedDictionaryConverter() },
    };

    /// <summary>Employee state fields added after version 1 (the daily reminder's opt-in and its last day).</summary>
    private static readonly string[] AddedAfterVersion1 = [nameof(EmployeeState.Reminders), nameof(EmployeeState.LastRemindedOn)];

    public static string Render(object state)
    {
        if (state is not EmployeeState employee)
        {
            return JsonSerializer.Serialize(state, state.GetType(), Options);
        }

        // Version 1's stored type also showed whether the person is held, derived from the pauses; the
        // record derives it now, by the same rule, and the rendering keeps showing it.
        var rendered = JsonSerializer.Serialize(employee, Options);
        foreach (var added in AddedAfterVersion1)
        {
            // A field added later decodes from a version 1 state to null, and is shown only if it did not.
            rendered = rendered.Replace($",\n  \"{added}\": null", string.Empty, StringComparison.Ordinal);
        }

        return string.Concat(rendered.AsSpan(0, rendered.LastIndexOf('\n')), $",\n  \"OnHold\": {(CareGate.IsOnHold(employee.Pauses) ? "true" : "false")}\n}}");
    }

    /// <summary>Writes any dictionary whose key is not a string or a number as an array of { key, value }.</summary>
    private sealed class PairedDictionaryConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            KeyType(typeToConvert) is { } key && key != typeof(string) && !key.IsPrimitive && key != typeof(Guid);

        private static Type? KeyType(Type type) =>
            (type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
                .FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
                ?.GetGenericArguments()[0];

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => new Writer();

        private sealed class Writer : JsonConverter<object>
        {
            public override bool CanConvert(Type typeToConvert) => true;

            public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                throw new NotSupportedException("Renderings are compared as text, never read back.");

            public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
            {
                writer.WriteStartArray();
                foreach (var pair in (IEnumerable)value)
                {
                    var type = pair.GetType();
                    var key = type.GetProperty("Key")!.GetValue(pair)!;
                    var item = type.GetProperty("Value")!.GetValue(pair);
                    writer.WriteStartObject();
                    writer.WritePropertyName("key");
                    JsonSerializer.Serialize(writer, key, key.GetType(), options);
                    writer.WritePropertyName("value");
                    JsonSerializer.Serialize(writer, item, item?.GetType() ?? typeof(object), options);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
        }
    }
}
