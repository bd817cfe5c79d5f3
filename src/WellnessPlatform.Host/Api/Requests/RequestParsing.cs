using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Reads loosely typed request fields into domain values, collecting an error per field at fault.</summary>
internal static class RequestParsing
{
    public static int Required(int? value, string field, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, "required", $"'{field}' is required."));
        }

        return value ?? 0;
    }

    public static string Required(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "required", $"'{field}' is required."));
        }

        return value ?? string.Empty;
    }

    /// <summary>Parses an enum from its camelCase name; numbers are refused so the API has one spelling.</summary>
    public static TEnum? Enum<TEnum>(string? value, string field, List<FieldError> errors)
        where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 0 && !char.IsDigit(value[0]) && value[0] != '-'
            && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        errors.Add(new FieldError(field, "invalid", $"'{value}' is not one of: {allowed}."));
        return null;
    }

    public static List<TEnum> Enums<TEnum>(IReadOnlyList<string>? values, string field, List<FieldError> errors)
        where TEnum : struct, System.Enum
    {
        var result = new List<TEnum>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (Enum<TEnum>(values![i], $"{field}[{i}]", errors) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }
}
