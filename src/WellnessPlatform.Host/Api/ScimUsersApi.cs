using System.Globalization;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Host.Hosting;
using WellnessPlatform.Host.Scim;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// SCIM 2.0 provisioning of a tenant's people from its identity provider (docs/scim.md). A User is an
/// invitation: create invites, a new department moves, <c>active: false</c> and DELETE make the person a
/// leaver through their erasure. Authenticated by the tenant's SCIM secret, and left out of the OpenAPI
/// document: SCIM describes itself at its own discovery endpoints.
/// </summary>
public static class ScimUsersApi
{
    /// <summary>The most users one page holds (advertised as filter.maxResults).</summary>
    public const int MaxCount = 100;

    /// <summary>Who provisioning acts as in invitations and the audit log.</summary>
    public static readonly Actor Provisioning = new(ScimSecretFilter.Actor, "scim");

    public static IEndpointRouteBuilder MapScimUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup(ScimPaths.Users)
            .AllowAnonymous() // not a user's token: the filter checks the tenant's SCIM secret
            .ExcludeFromDescription()
            .AddEndpointFilter<ScimSecretFilter>();
        users.MapGet("/", List);
        users.MapPost("/", Create);
        users.MapGet("/{employeeId}", Get);
        users.MapPut("/{employeeId}", Replace);
        users.MapPatch("/{employeeId}", Patch);
        users.MapDelete("/{employeeId}", Delete);
        return routes;
    }

    private static async Task<IResult> List(HttpContext http, IGrainFactory grains, string? filter, string? startIndex, string? count)
    {
        if (!TryInt(startIndex, 1, out var start) || !TryInt(count, MaxCount, out var size))
        {
            return ScimResults.Error(ScimProblem.InvalidValue("startIndex and count are integers."));
        }

        start = Math.Max(1, start);
        size = Math.Clamp(size, 0, MaxCount);
        var roster = Roster(grains, http);
        if (filter is not null)
        {
            if (!ScimFilter.TryUserNameEquals(filter, out var userName))
            {
                return ScimResults.Error(StatusCodes.Status400BadRequest, "invalidFilter", "Only the filter userName eq \"…\" is supported.");
            }

            var found = ScimUserNames.ToEmployeeId(userName) is { } id ? await roster.GetAsync(id) : null;
            var matches = found is null ? [] : new[] { found };
            return ListOf(http, matches.Length, start, [.. matches.Skip(start - 1).Take(size)]);
        }

        var total = await roster.CountAsync();
        var items = new List<Invitation>();
        var skip = start - 1;
        string? token = null;
        while (items.Count < size)
        {
            // Index paging over a token-paged roster: the rows before startIndex are read and passed over.
            var page = await roster.PageAsync(Math.Min(InvitationPage.MaxPageSize, skip + size - items.Count), token);
            foreach (var invitation in page.Items)
            {
                if (skip > 0)
                {
                    skip--;
                }
                else if (items.Count < size)
                {
                    items.Add(invitation);
                }
            }

            token = page.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return ListOf(http, total, start, items);
    }

    private static async Task<IResult> Get(string employeeId, HttpContext http, IGrainFactory grains) =>
        await FindAsync(grains, http, employeeId) is { } invitation ? User(http, invitation) : ScimResults.NotFound();

    /// <summary>An existing userName is 409 uniqueness, as RFC 7644 §3.3 asks and Okta and Entra ID expect; nothing changes.</summary>
    private static async Task<IResult> Create(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (input, problem) = ScimUserInput.Parse(await ScimJson.ReadObjectAsync(http.Request, cancellationToken));
        if (problem is not null)
        {
            return ScimResults.Error(problem);
        }

        if (!input!.Active)
        {
            return ScimResults.Error(ScimProblem.InvalidValue("A user is created active; an inactive one would be a leaver before joining."));
        }

        var roster = Roster(grains, http);
        if (await roster.GetAsync(input.EmployeeId) is not null)
        {
            return ScimResults.Error(StatusCodes.Status409Conflict, "uniqueness", $"A user with the id \"{input.EmployeeId}\" exists; find it with filter=userName eq \"{input.EmployeeId}\".");
        }

        var outcome = await roster.InviteAsync(input.EmployeeId, input.Department, Provisioning.Subject);
        if (!outcome.IsOk)
        {
            return Refused(outcome);
        }

        http.Response.Headers.Location = ScimUserMapping.Location(http.Request, input.EmployeeId);
        return User(http, outcome.Value!, StatusCodes.Status201Created);
    }

    private static async Task<IResult> Replace(string employeeId, HttpContext http, IGrainFactory grains, EmployeeRights rights, CancellationToken cancellationToken)
    {
        var (current, refused) = await CurrentMatchingAsync(grains, http, employeeId);
        if (current is null)
        {
            return refused!;
        }

        var (input, problem) = ScimUserInput.Parse(await ScimJson.ReadObjectAsync(http.Request, cancellationToken));
        return problem is not null ? ScimResults.Error(problem)
            : input!.EmployeeId != employeeId ? Immutable()
            : await ApplyAsync(http, grains, rights, current, input.Department, input.Active);
    }

    private static async Task<IResult> Patch(string employeeId, HttpContext http, IGrainFactory grains, EmployeeRights rights, CancellationToken cancellationToken)
    {
        var (current, refused) = await CurrentMatchingAsync(grains, http, employeeId);
        if (current is null)
        {
            return refused!;
        }

        var (patch, problem) = ScimPatch.Parse(await ScimJson.ReadObjectAsync(http.Request, cancellationToken));
        return problem is not null ? ScimResults.Error(problem)
            : patch!.EmployeeId is { } renamed && renamed != employeeId ? Immutable()
            : await ApplyAsync(http, grains, rights, current, patch.Department ?? current.Department, patch.Active ?? true);
    }

    /// <summary>DELETE is the same leaver as <c>active: false</c> (docs/scim.md): the person's data is erased.</summary>
    private static async Task<IResult> Delete(string employeeId, HttpContext http, IGrainFactory grains, EmployeeRights rights)
    {
        var (current, refused) = await CurrentMatchingAsync(grains, http, employeeId);
        if (current is null)
        {
            return refused!;
        }

        var left = await LeaveAsync(http, rights, current);
        return left ?? TypedResults.NoContent();
    }

    /// <summary>Inactive is a leaver; a new department is a move (the roster's invitation path); the same department changes nothing.</summary>
    private static async Task<IResult> ApplyAsync(HttpContext http, IGrainFactory grains, EmployeeRights rights, Invitation current, string department, bool active)
    {
        if (!active)
        {
            return await LeaveAsync(http, rights, current) ?? ScimResults.Json(current.ToScimUser(http.Request, active: false));
        }

        if (department == current.Department)
        {
            return User(http, current);
        }

        var outcome = await Roster(grains, http).InviteAsync(current.EmployeeId, department, Provisioning.Subject);
        return outcome.IsOk ? User(http, outcome.Value!) : Refused(outcome);
    }

    /// <summary>The person leaves through their erasure (docs/privacy.md); null when done, else the error to answer.</summary>
    private static async Task<IResult?> LeaveAsync(HttpContext http, EmployeeRights rights, Invitation current)
    {
        var outcome = await rights.EraseAsync(ScimSecretFilter.TenantOf(http), Provisioning, current.EmployeeId);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return null;
            case OutcomeKind.NotFound:
                return ScimResults.NotFound();
            default:
                // Recorded, not finished: its reminder finishes it, and the identity provider's retry joins it.
                http.Response.Headers.RetryAfter = GatewayExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return ScimResults.Error(StatusCodes.Status503ServiceUnavailable, null, outcome.Detail ?? "The leaver's erasure is recorded and finishes shortly.");
        }
    }

    private static async Task<Invitation?> FindAsync(IGrainFactory grains, HttpContext http, string employeeId) =>
        Identifiers.IsValid(employeeId) ? await Roster(grains, http).GetAsync(employeeId) : null;

    private static IRosterGrain Roster(IGrainFactory grains, HttpContext http) =>
        grains.GetGrain<IRosterGrain>(GrainKeys.Roster(ScimSecretFilter.TenantOf(http)));

    private static IResult User(HttpContext http, Invitation invitation, int status = StatusCodes.Status200OK)
    {
        var user = invitation.ToScimUser(http.Request);
        http.Response.Headers.ETag = user.Meta.Version;
        return ScimResults.Json(user, status);
    }

    private static IResult ListOf(HttpContext http, long total, int start, List<Invitation> items) =>
        ScimResults.Json(new ScimListResponse<ScimUserResponse>([ScimSchemas.ListResponse], total, start, items.Count, [.. items.Select(i => i.ToScimUser(http.Request))]));

    private static IResult Refused(Outcome<Invitation> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => ScimResults.Error(ScimProblem.InvalidValue(string.Join(" ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")))),
        OutcomeKind.NotFound => ScimResults.Error(StatusCodes.Status404NotFound, null, outcome.Detail ?? "Not found."),
        _ => ScimResults.Error(StatusCodes.Status409Conflict, null, outcome.Detail ?? "Not possible right now."),
    };

    /// <summary>The person as stored, when they exist and the request's If-Match (if any) names their version; else the answer to give.</summary>
    private static async Task<(Invitation? Current, IResult? Refused)> CurrentMatchingAsync(IGrainFactory grains, HttpContext http, string employeeId)
    {
        if (await FindAsync(grains, http, employeeId) is not { } current)
        {
            return (null, ScimResults.NotFound());
        }

        return ScimUserMapping.Matches(http.Request.Headers.IfMatch, current) ? (current, null) : (null, PreconditionFailed());
    }

    private static IResult PreconditionFailed() =>
        ScimResults.Error(StatusCodes.Status412PreconditionFailed, null, "The user changed since the version in If-Match; read it again.");

    private static IResult Immutable() =>
        ScimResults.Error(StatusCodes.Status400BadRequest, "mutability", "userName is the employee id and cannot change.");

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
