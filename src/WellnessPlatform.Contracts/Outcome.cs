using WellnessPlatform.Domain;

namespace WellnessPlatform.Contracts;

/// <summary>
/// The answer to a grain command. Expected refusals travel as values rather than exceptions, so a
/// refused command is cheap, typed, and cannot be mistaken for an infrastructure failure.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.Outcome`1")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "The factories (Outcome<T>.Ok, .Invalid, ...) name what a command answers; a non-generic helper would make every call site spell the type twice.")]
public sealed record Outcome<T>(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] T? Value,
    [property: Id(2)] IReadOnlyList<FieldError> Errors,
    [property: Id(3)] string? Code,
    [property: Id(4)] string? Detail)
{
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, [], null, null);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, errors, "invalid", null);

    public static Outcome<T> Invalid(FieldError error) => Invalid([error]);

    public static Outcome<T> NotFound(string code, string detail) => new(OutcomeKind.NotFound, default, [], code, detail);

    public static Outcome<T> Conflict(string code, string detail) => new(OutcomeKind.Conflict, default, [], code, detail);
}
