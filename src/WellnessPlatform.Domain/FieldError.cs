namespace WellnessPlatform.Domain;

/// <summary>One reason an input was refused, naming the field at fault (camelCase, as the API spells it).</summary>
[GenerateSerializer, Immutable, Alias("wp.FieldError")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message);
