using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orleans.Serialization;
using Orleans.Storage;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// The allocation and CPU profile behind the ingest figures: what one session's own work costs on one
/// thread, part by part, so the gap between a session and a ping can be read off rather than guessed.
/// </summary>
internal static class CostProfile
{
    public sealed record Cost(double Microseconds, double Bytes);

    /// <summary>The rules a session runs: replay from the checkpoint, the contribution and its difference.</summary>
    public static Cost Rules()
    {
        var today = new DateOnly(2026, 11, 25);
        var checkpoint = new ProgressCheckpoint(new DateOnly(2026, 11, 9), 2, 35, 35, 1, 1, 5, -1);
        var days = Enumerable.Range(0, 12).Select(i => today.AddDays(-i)).ToHashSet();
        var pain = days.Order().SelectMany(d => new[] { new PainPoint(d, 3), new PainPoint(d, 2) }).ToList();
        var perWeek = days.GroupBy(Domain.Time.LocalCalendar.WeekStart).ToDictionary(g => g.Key, g => g.Count());
        var departments = new List<DepartmentPeriod> { new("office", new DateOnly(2026, 1, 5)) };
        var input = new ProgressInput(new DateOnly(2026, 1, 5), today, days, pain, 4, [], [], PlanSettings.Default, checkpoint, 600);
        var finalBefore = Contribution.OpenFrom(today);
        var emitted = Contribution.Compute(new ContributionInput(ProgressEngine.Evaluate(input), perWeek, pain, 4, departments, false));
        return Measure(200_000, () =>
        {
            var report = ProgressEngine.Evaluate(input);
            var current = Contribution.Compute(new ContributionInput(report, perWeek, pain, 4, departments, false));
            Contribution.Diff(emitted, current, finalBefore, finalBefore);
        });
    }

    /// <summary>Serializing the stored state of that person, as every acknowledged session does.</summary>
    public static Cost StateWrite(IServiceProvider services, out int bytes)
    {
        var format = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        var state = new EmployeeState { Enrolled = true, EnrolledOn = new DateOnly(2026, 1, 5), ContributorToken = Guid.NewGuid() };
        state.Departments.Add(new DepartmentPeriod("office", state.EnrolledOn));
        var routine = new List<LoggedExercise> { new("wall-sit", 10, 10, null) };
        for (var i = 0; i < 12; i++)
        {
            var day = new DateOnly(2026, 11, 25).AddDays(-i);
            state.Sessions.Add(new SessionRecord(Guid.NewGuid().ToString(), day, DateTimeOffset.UtcNow, routine, true, 3, 2));
        }

        foreach (var (key, value) in Contribution.Compute(new ContributionInput(
            ProgressEngine.Evaluate(new ProgressInput(state.EnrolledOn, new DateOnly(2026, 11, 25), state.Sessions.Select(s => s.Day).ToHashSet(), [], 4, [], [], PlanSettings.Default,
                new ProgressCheckpoint(new DateOnly(2026, 11, 9), 2, 35, 35, 1, 1, 5, -1))),
            new Dictionary<DateOnly, int>(), [], 4, state.Departments, false)))
        {
            state.Emitted[key] = value;
        }

        bytes = format.Serialize(state).ToMemory().Length;
        return Measure(100_000, () => format.Serialize(state));
    }

    /// <summary>Validating one employee's JWT (HS256), as the gateway does on every request.</summary>
    public static Cost TokenValidation()
    {
        var key = new SymmetricSecurityKey("profile-signing-key-0123456789abcdefghijkl"u8.ToArray());
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://bench", Audience = "wellness-platform", Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("sub", "e1"), new Claim("role", "employee"), new Claim("tenant", "bench")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        var parameters = new TokenValidationParameters { ValidIssuer = "https://bench", ValidAudience = "wellness-platform", IssuerSigningKey = key };
        return Measure(100_000, () => handler.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult());
    }

    private static Cost Measure(int iterations, Action work)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            work(); // warm-up
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            work();
        }

        return new Cost(clock.Elapsed.TotalMicroseconds / iterations, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
    }
}
