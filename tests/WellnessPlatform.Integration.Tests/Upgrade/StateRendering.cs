using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Incidents;
using WellnessPlatform.Grains.Tenants;

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

    /// <summary>
    /// Fields added after version 1, with the rendering of their default: left out of the rendering only
    /// when they decode from version 1's bytes to that default, so a golden file still matches as recorded.
    /// </summary>
    private static readonly (string Field, string Default)[] AddedAfterVersion1 =
    [
        (nameof(EmployeeState.CareQueueListed), "\"None\""),
        (nameof(EmployeeState.Reminders), "null"),
        (nameof(EmployeeState.LastRemindedOn), "null"),
        (nameof(EmployeeState.Tracks), "[]"),
        (nameof(EmployeeState.LastNudgedOn), "null"),
        (nameof(EmployeeState.CalendarToken), "null"),
        (nameof(EmployeeState.PendingReminder), "null"),
        (nameof(IncidentState.RestrictedUntil), "null"),
        (nameof(TenantState.CaseWorkUnsubscribeToken), "null"),
        (nameof(TenantState.RosterInBuckets), "false"),
        (nameof(TenantConfig.CaseWorkEmail), "null"),
    ];

    public static string Render(object state)
    {
        if (state is not EmployeeState employee)
        {
            return WithoutAddedDefaults(JsonSerializer.Serialize(state, state.GetType(), Options));
        }

        // Version 1's stored type also showed whether the person is held, derived from the pauses; the
        // record derives it now, by the same rule, and the rendering keeps showing it.
        var rendered = WithoutAddedDefaults(JsonSerializer.Serialize(employee, Options));
        return string.Concat(rendered.AsSpan(0, rendered.LastIndexOf('\n')), $",\n  \"OnHold\": {(CareGate.IsOnHold(employee.Pauses) ? "true" : "false")}\n}}");
    }

    private static string WithoutAddedDefaults(string rendered)
    {
        foreach (var (field, value) in AddedAfterVersion1)
        {
            // The field and the comma before it, whether another field or the object's end follows, at any depth.
            rendered = Regex.Replace(rendered, $",\n +\"{field}\": {Regex.Escape(value)}(?=,|\n)", string.Empty);
        }

        return rendered;
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
