using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;
using WellnessPlatform.Host.Web;
using WellnessPlatform.Testing.Privacy;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// HR against the real host on Azurite: a tenant with small departments is seeded with history; HR asks
/// every range the API allows (weeks=1…104) and every CSV the dashboard offers; then a single new
/// joiner arrives (with back-dated history, held at screening), one person changes department and the
/// only member of a department leaves it; HR asks everything again. The attacker must recover nothing,
/// and the same attack on a weakened release of the same counters must recover the people it should.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PrivacyAttackTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    private const string T = "adversary";
    private const int K = 3;
    private const int KHealth = 5;

    private static readonly LoggedExercise[] Routine =
    [
        new(ExerciseCatalog.PartialCrunch, 10, 1, null),
        new(ExerciseCatalog.HamstringStretch, 3, 20, Side.Both),
        new(ExerciseCatalog.WallSit, 10, 10, null),
    ];

    private static readonly (string Department, int People)[] Teams = [("warehouse", 8), ("office", 5), ("drivers", 4), ("lab", 3), ("studio", 1)];

    [Fact]
    public async Task An_hr_user_asking_every_query_before_and_after_a_joiner_a_leaver_and_a_move_recovers_nobody()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.Operator().SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}", new
        {
            name = "Adversarial employer", departments = Teams.Select(t => t.Department).ToArray(), timeZone = "Etc/UTC",
            participationThreshold = K, healthThreshold = KHealth,
        });
        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var number = 0;
        foreach (var (department, people) in Teams)
        {
            for (var i = 0; i < people; i++)
            {
                await ImportAsync(platform, grains, $"p{++number}", department, today.AddDays(-42 + (number % 3 * 7)), today, number, held: false);
            }
        }

        var attacker = new PrivacyAttacker(K, KHealth);
        var truth = new CounterTruth(K, KHealth);
        var naive = new PrivacyAttacker(K, KHealth);
        await AskEverythingAsync(platform, grains, attacker, truth, naive, today, 0);

        // The single new joiner, with history back-dated into weeks HR has already seen, held at screening.
        await ImportAsync(platform, grains, "joiner", "drivers", today.AddDays(-17), today, 99, held: true);
        await platform.Admin(T).SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/invitations/p9", new { department = "lab" }); // office → lab
        await platform.Admin(T).SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/invitations/p21", new { department = "warehouse" }); // studio's only member leaves it
        await AskEverythingAsync(platform, grains, attacker, truth, naive, today, 1);

        var findings = attacker.Attack();
        var note = AttackReport.Summarize("HTTP API and CSV", attacker, findings, truth.IsRecovery);
        var control = naive.Attack();
        var controlNote = AttackReport.Summarize("Weakened control (exact figures, no complements, no pooling, no gating, open week shown)", naive, control, truth.IsRecovery);
        output.WriteLine(note);
        output.WriteLine(controlNote);
        AttackReport.Write("privacy-attack.txt", note + Environment.NewLine + controlNote);

        Assert.Equal(2 * (104 + IndexModelWeeks.Length), attacker.Queries);
        Assert.DoesNotContain(findings, truth.IsRecovery);
        var leaked = control.Where(truth.IsRecovery).ToList();
        Assert.Contains(leaked, f => f.Attack == "row" && f.Groups.SequenceEqual(["studio"]));
        Assert.Contains(leaked, f => f.Attack == "membership");
        Assert.Contains(leaked, f => f.Attack == "standing" && f.Metric == "held");
    }

    private static int[] IndexModelWeeks => Host.Pages.Hr.IndexModel.WeekChoices;

    private static async Task ImportAsync(PlatformFactory platform, IGrainFactory grains, string id, string department, DateOnly enrolledOn, DateOnly today, int seed, bool held)
    {
        await platform.Admin(T).SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/invitations/{id}", new { department });
        var random = new Random(seed);
        var sessions = new List<SessionRecord>();
        var checkIns = new List<PainRecord>();
        for (var day = enrolledOn; !held && day < today; day = day.AddDays(1))
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            if (random.Next(0, 2) == 0)
            {
                sessions.Add(new SessionRecord($"{id}-{day:yyyyMMdd}", day, at, Routine, AsPrescribed: true));
            }

            if (day.DayOfWeek == DayOfWeek.Friday)
            {
                checkIns.Add(new PainRecord($"{id}-pain-{day:yyyyMMdd}", day, at.AddHours(10), random.Next(1, 7), PainContext.Daily));
            }
        }

        var screening = new ScreeningAnswers(held ? 8 : 4, false, false, []);
        using var scope = TenantContext.System(Api.TestActor, T);
        var outcome = await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(T, id))
            .ImportHistoryAsync(new ImportedHistory(enrolledOn, new Enrolment("Etc/UTC", department, []), screening, sessions, checkIns));
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>Every JSON range, every CSV the page offers (built by the page's own tables from the grain's report), and the truth behind them.</summary>
    private static async Task AskEverythingAsync(PlatformFactory platform, IGrainFactory grains, PrivacyAttacker attacker, CounterTruth truth,
        PrivacyAttacker naive, DateOnly today, int time)
    {
        var hr = platform.Hr(T);
        for (var weeks = 1; weeks <= 104; weeks++)
        {
            attacker.Observe(Releases.FromJson(await hr.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/adherence?weeks={weeks}"), $"json weeks={weeks} t{time}", time));
        }

        using (TenantContext.System(Api.TestActor, T))
        {
            var tenant = grains.GetGrain<ITenantGrain>(T);
            foreach (var weeks in IndexModelWeeks)
            {
                var csv = HrTables.From((await tenant.GetAdherenceAsync(weeks)).Value!).ToCsv();
                attacker.Observe(Releases.FromCsv(csv, $"csv weeks={weeks} t{time}", time));
            }

            // The truth is what every person contributes, recomputed from their own history: the shards
            // keep only weeks not yet released, so they cannot stand for the weeks HR has already seen.
            var counters = new Dictionary<CellKey, long>();
            var people = Enumerable.Range(1, Teams.Sum(t => t.People)).Select(i => $"p{i}").Concat(time > 0 ? ["joiner"] : Array.Empty<string>());
            foreach (var id in people)
            {
                foreach (var (key, value) in (await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(T, id)).ReconcileAsync()).Counters)
                {
                    counters[key] = counters.GetValueOrDefault(key) + value;
                }
            }

            truth.Record(time, counters);
            var openWeeks = Enumerable.Range(0, 8).Select(i => LocalCalendar.IsoWeek(LocalCalendar.WeekStart(today).AddDays(-7 * i))).ToList();
            naive.Observe(NaiveRelease.From(counters, openWeeks, [.. Teams.Select(t => t.Department)], K, KHealth, $"naive t{time}", time));
        }
    }
}
