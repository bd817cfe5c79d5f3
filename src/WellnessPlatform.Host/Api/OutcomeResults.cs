using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WellnessPlatform.Contracts;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Host.Api;

/// <summary>Maps grain outcomes to typed HTTP results: 200/201, or RFC 7807 problem details naming the field at fault.</summary>
public static class OutcomeResults
{
    /// <summary>
    /// An accepted outcome's value, mapped to its gateway response type (the API never writes a grain
    /// message as it is), as 200; a refusal as problem details. Typed, so the document shows the schema.
    /// </summary>
    public static Results<Ok<TResponse>, ProblemHttpResult> ToHttp<T, TResponse>(this Outcome<T> outcome, Func<T, TResponse> map) =>
        outcome.Kind == OutcomeKind.Ok ? TypedResults.Ok(map(outcome.Value!)) : outcome.ToProblem();

    /// <summary>As <see cref="ToHttp{T, TResponse}"/>, but 201 when <paramref name="created"/> says the request made something new.</summary>
    public static Results<Created<TResponse>, Ok<TResponse>, ProblemHttpResult> ToCreatedOrOk<T, TResponse>(this Outcome<T> outcome, Func<T, TResponse> map, Func<T, bool> created) =>
        outcome.Kind != OutcomeKind.Ok ? outcome.ToProblem()
            : created(outcome.Value!) ? Created(map(outcome.Value!))
            : TypedResults.Ok(map(outcome.Value!));

    /// <summary>201 with the body and no Location: the body itself names what was made.</summary>
    public static Created<TResponse> Created<TResponse>(TResponse value) => TypedResults.Created((string?)null, value);

    /// <summary>A refused outcome as problem details: 400 naming the fields, 404, or 409 with the refusal's code.</summary>
    public static ProblemHttpResult ToProblem<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => throw new InvalidOperationException("An accepted outcome is not a problem; map its value with ToHttp."),
        OutcomeKind.Invalid => Invalid(outcome.Errors),
        OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", outcome),
        _ => Rejected(Problem(StatusCodes.Status409Conflict, "Not possible right now", outcome), outcome.Code),
    };

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors)
    {
        foreach (var code in errors.Select(e => e.Code).Distinct())
        {
            GatewayMetrics.Rejected(code);
        }

        var problem = new HttpValidationProblemDetails(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid; nothing was changed.",
        };
        problem.Extensions["codes"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult Rejected(ProblemHttpResult result, string? code)
    {
        GatewayMetrics.Rejected(code ?? "conflict");
        return result;
    }

    /// <summary>A problem with a machine-readable code, for refusals that are not about one field.</summary>
    public static ProblemHttpResult Problem(int status, string code, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = detail, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult Problem<T>(int status, string title, Outcome<T> outcome)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = outcome.Detail };
        problem.Extensions["code"] = outcome.Code;
        return TypedResults.Problem(problem);
    }
}
