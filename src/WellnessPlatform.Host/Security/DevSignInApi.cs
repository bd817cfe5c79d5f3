namespace WellnessPlatform.Host.Security;

/// <summary>
/// Development-only sign-in: lists the demo users and mints a token for one. Mapped only when the
/// host runs in the Development environment; elsewhere these routes do not exist.
/// </summary>
public static class DevSignInApi
{
    public static WebApplicationBuilder AddDevSignIn(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<DevTokenIssuer>();
        }

        return builder;
    }

    public static WebApplication MapDevSignIn(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        var dev = app.MapGroup("/dev").WithTags("Development sign-in").AllowAnonymous();
        dev.MapGet("/users", () => TypedResults.Ok(DemoUser.All)).WithName("DevListUsers");
        dev.MapPost("/token/{userId}", (string userId, DevTokenIssuer issuer) =>
        {
            var user = DemoUser.All.FirstOrDefault(u => u.Id == userId);
            if (user is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such demo user.");
            }

            var (token, expires) = issuer.Issue(user);
            return TypedResults.Ok(new DevToken(token, expires, user));
        }).WithName("DevIssueToken");
        return app;
    }

    /// <summary>The answer of POST /dev/token/{userId}.</summary>
    public sealed record DevToken(string AccessToken, DateTimeOffset ExpiresAt, DemoUser User);
}
