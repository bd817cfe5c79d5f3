using WellnessPlatform.Host.Api.Requests;

namespace WellnessPlatform.Benchmarks;

/// <summary>Steps 4–6: people enrol and screen, log a week of sessions, and some report incidents, all over HTTP.</summary>
internal sealed class ScaleLoad(ScaleApi api, SteppedClock clock, int concurrency)
{
    private static readonly TimeZoneInfo[] Zones =
        [.. new[] { "Etc/UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata" }.Select(TimeZoneInfo.FindSystemTimeZoneById)];

    private ParallelOptions Bounded => new() { MaxDegreeOfParallelism = concurrency };

    public static TimeZoneInfo ZoneOf(int person) => Zones[person % Zones.Length];

    /// <summary>Enrolment (with a time zone) then screening, each person with their own token.</summary>
    public Task EnrolAsync(string tenant, int people) =>
        Parallel.ForEachAsync(Enumerable.Range(0, people), Bounded, async (i, _) =>
        {
            var id = ScaleScenario.Person(i);
            var token = ScaleTokens.Employee(tenant, id);
            var path = $"/api/tenants/{tenant}/employees/{id}";
            if (await api.SendAsync("enrolment", HttpMethod.Post, $"{path}/enrolment", token, new EnrolRequest(ZoneOf(i).Id, null)))
            {
                await api.SendAsync("screening", HttpMethod.Post, $"{path}/screening", token, new ScreeningRequest(3, false, false, []));
            }
        });

    /// <summary>
    /// One simulated day of the week (0–6): the platform clock is set to that day, and everyone sends
    /// the sessions they send that day, for that day or (late) the day before.
    /// </summary>
    public Task LogDayAsync(string tenant, int people, int weekDay) =>
        Parallel.ForEachAsync(Enumerable.Range(0, people), Bounded, async (i, _) =>
        {
            var sessions = SessionPlan.For(i).Where(s => s.SentOn == weekDay).ToList();
            if (sessions.Count == 0)
            {
                return;
            }

            var id = ScaleScenario.Person(i);
            var token = ScaleTokens.Employee(tenant, id);
            var today = clock.Today(ZoneOf(i));
            foreach (var session in sessions)
            {
                var day = today.AddDays(session.Day - weekDay);
                await api.SendAsync("session", HttpMethod.Post, $"/api/tenants/{tenant}/employees/{id}/sessions", token,
                    SessionPlan.Request($"{id}-d{session.Day}", day, session));
            }
        });

    /// <summary>Incident reports from every n-th enrolled person, so the case-worker queue has pages.</summary>
    public Task ReportIncidentsAsync(string tenant, int enrolled, int incidents) =>
        Parallel.ForEachAsync(Enumerable.Range(0, incidents), Bounded, async (n, _) =>
        {
            // Spread over the people; a tenant with more cases than people has some report twice.
            var id = ScaleScenario.Person(incidents <= enrolled ? n * (enrolled / incidents) : n % enrolled);
            var report = new IncidentReportRequest($"r-{id}-{n}", clock.GetUtcNow().AddHours(-3), "Warehouse", "Lifting boxes", "Felt a pull in the lower back",
                "Back strain", "Lower back", "firstAid", false);
            await api.SendAsync("incident", HttpMethod.Post, $"/api/tenants/{tenant}/employees/{id}/incidents", ScaleTokens.Employee(tenant, id), report);
        });
}
