using System.Text.Json;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>
/// Enum values as the API writes them: camelCase names, as the gateway's JSON enum converter
/// (<see cref="Hosting.GatewayExtensions.ConfigureJson"/>) always wrote the domain enums. Response records
/// hold these strings, so renaming or adding a domain enum member is a decision about the API, made here.
/// </summary>
internal static class WireEnum
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Name(v) : null;

    public static IReadOnlyList<string> Names<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, Enum => [.. values.Select(Name)];
}
