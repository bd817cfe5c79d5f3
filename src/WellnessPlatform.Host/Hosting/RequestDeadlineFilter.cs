namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Holds the grain calls a gateway request makes to that request's deadline. A call still waiting when
/// the deadline passes is abandoned here (Orleans' own response timeout ends it later) and the request
/// answers 503 at once, so no grain call, however many a handler makes in turn, holds an answer past the
/// deadline. Calls made outside a request (grains calling grains, reminders) are untouched.
/// </summary>
public sealed class RequestDeadlineFilter(IHttpContextAccessor http) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        // RequestTimeouts replaces RequestAborted with a token that also fires at the deadline.
        var token = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        return token.CanBeCanceled ? context.Invoke().WaitAsync(token) : context.Invoke();
    }
}
