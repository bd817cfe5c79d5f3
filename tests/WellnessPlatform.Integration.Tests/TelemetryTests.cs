using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Domain.Time;
using CellKey = WellnessPlatform.Domain.Aggregates.CellKey;
using Counter = WellnessPlatform.Domain.Aggregates.Metric;

namespace WellnessPlatform.Integration.Tests;

/// <summary>What operators see: one trace per request, domain meters that move as users act, and no personal data anywhere in it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture fixture)
{
    private const string T = "tel";
    private const string Person = "emp-tel-4711";
    private const string FreeText = "Slipped-on-spilled-coolant-near-press-9";

    [Fact]
    public async Task A_session_log_is_one_trace_from_http_through_the_grain_to_storage_and_telemetry_carries_no_personal_data()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var logs = new List<LogRecord>();
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await using var observed = platform.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)).WithMetrics(m => m.AddInMemoryExporter(metrics));
            s.AddLogging(l => l.AddOpenTelemetry(o => o.AddInMemoryExporter(logs)));
        }));

        // A full scenario: tenant, invitation, enrolment, screening, a session, an incident with free text, HR and case-worker reads.
        var op = Client(observed, "operator", null, "ops");
        await op.SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}", new { name = "Telemetry employer", departments = new[] { "office" }, participationThreshold = 3 });
        await Client(observed, "tenant-admin", T, "admin").SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/invitations/{Person}", new { department = "office" });
        var me = Client(observed, "employee", T, Person);
        var path = $"/api/tenants/{T}/employees/{Person}";
        await me.SendOkAsync(HttpMethod.Post, $"{path}/enrolment", new { timeZone = "Europe/Berlin" });
        await me.SendOkAsync(HttpMethod.Post, $"{path}/screening", new { painIntensity = 3, workRelated = true, recentInjury = false });
        await me.SendOkAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "s1", exercises = Api.Routine, painBefore = 4 });
        await me.SendOkAsync(HttpMethod.Post, $"{path}/incidents", new
        {
            clientReportId = "r1", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), location = FreeText, activity = FreeText,
            whatHappened = FreeText, injury = FreeText, bodyPart = FreeText, treatment = "firstAid",
        });
        await Client(observed, "hr", T, "hr").SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/adherence");
        await Client(observed, "caseworker", T, "cw").SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents");
        var (bad, _) = await me.SendForAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "s2", exercises = new[] { new { exerciseId = "leg-lift", reps = 5, holdSeconds = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad);

        observed.Services.GetRequiredService<TracerProvider>().ForceFlush();
        observed.Services.GetRequiredService<MeterProvider>().ForceFlush();
        observed.Services.GetRequiredService<LoggerProvider>().ForceFlush();

        // One trace: HTTP span → grain call spans → Azure Table spans, linked by parent ids.
        var http = Assert.Single(spans, s => s.Kind == ActivityKind.Server && (s.GetTagItem("http.route") as string)?.EndsWith("/sessions", StringComparison.Ordinal) == true
            && (string?)s.GetTagItem("http.request.method") == "POST" && (int?)s.GetTagItem("http.response.status_code") == 201);
        var trace = spans.Where(s => s.TraceId == http.TraceId).ToList();
        var byId = trace.ToDictionary(s => s.SpanId);
        bool Under(Activity span, Activity ancestor)
        {
            for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var p); parent = p.ParentSpanId)
            {
                if (p.SpanId == ancestor.SpanId)
                {
                    return true;
                }
            }

            return false;
        }

        bool Method(Activity s, string name) => (s.GetTagItem("rpc.method") as string)?.EndsWith("/" + name, StringComparison.Ordinal) == true;
        var grain = trace.Single(s => Method(s, "LogSessionAsync") && s.Kind == ActivityKind.Server);
        Assert.True(Under(grain, http), "the employee grain call sits under the HTTP span");
        var write = trace.Single(s => s.Source.Name == "Microsoft.Orleans.Storage" && Under(s, grain));
        Assert.Contains(trace, s => s.Source.Name == "Azure.Data.Tables.TableClient" && s.DisplayName == "TableClient.UpdateEntity" && Under(s, write));
        Assert.Contains(trace, s => s.Source.Name == "Azure.Core.Http" && Under(s, write)); // the HTTP call to Azure Table storage itself
        Assert.Contains(trace, s => Method(s, "ApplyAsync") && s.Kind == ActivityKind.Server && Under(s, grain)); // the tenant shard

        // No person id, free text or display name in any span, metric or log record.
        var exported = new StringBuilder();
        foreach (var s in spans)
        {
            exported.Append(s.DisplayName).Append(' ').Append(s.StatusDescription);
            foreach (var tag in s.TagObjects)
            {
                exported.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            foreach (var e in s.Events)
            {
                exported.Append(' ').Append(e.Name);
                foreach (var tag in e.Tags)
                {
                    exported.Append(' ').Append(tag.Value);
                }
            }
        }

        foreach (var m in metrics)
        {
            exported.Append(' ').Append(m.Name);
            foreach (ref readonly var point in m.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    exported.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
                }
            }
        }

        foreach (var log in logs)
        {
            exported.Append(' ').Append(log.CategoryName).Append(' ').Append(log.Body).Append(' ').Append(log.FormattedMessage).Append(' ').Append(log.Exception?.Message);
            foreach (var attribute in log.Attributes ?? [])
            {
                exported.Append(' ').Append(attribute.Value);
            }
        }

        var text = exported.ToString();
        Assert.True(spans.Count > 20 && metrics.Count > 5, $"expected real telemetry, got {spans.Count} spans and {metrics.Count} metrics");
        Assert.DoesNotContain(Person, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FreeText, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe/Berlin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_domain_meters_move_by_what_users_did()
    {
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WellnessPlatform.Grains.WellnessMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
            lock (seen)
            {
                seen[key] = seen.GetValueOrDefault(key) + value;
            }
        });
        listener.Start();

        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("met", "big", "tiny");
        var people = new List<(HttpClient Http, string Path)>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await platform.ReadyEmployeeAsync("met", $"b{i}", "big"));
        }

        people.Add(await platform.ReadyEmployeeAsync("met", "t0", "tiny"));
        var (http, path) = people[0];
        await http.LogSessionAsync(path, "a");
        await http.LogSessionAsync(path, "a"); // a retry: not a new session
        await http.LogSessionAsync(path, "b");
        await http.SendForAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "c", exercises = new[] { new { exerciseId = "full-sit-up", reps = 5, holdSeconds = 1 } } });
        var receipt = await http.SendOkAsync(HttpMethod.Post, $"{path}/incidents", new
        {
            clientReportId = "r", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), location = "x", activity = "x", whatHappened = "x", injury = "x", bodyPart = "x",
        });
        var cw = platform.CaseWorker("met");
        var id = (string)receipt["case"]!["incidentId"]!;
        await cw.SendOkAsync(HttpMethod.Post, $"/api/tenants/met/incidents/{id}/transitions", new { to = "triaged" });
        // HR sees only weeks that have ended (docs/privacy.md): give the latest released one a small department.
        var released = LocalCalendar.IsoWeek(LocalCalendar.WeekStart(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-9)));
        using (TenantContext.System(Api.TestActor, "met"))
        {
            await platform.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("met", 0)).ApplyAsync(Guid.NewGuid(),
                [new Domain.Aggregates.OutboxEntry(1, new Dictionary<CellKey, long> { [new(released, "big", Counter.Joined)] = 4, [new(released, "tiny", Counter.Joined)] = 1 })], 0);
        }
        await platform.Hr("met").SendOkAsync(HttpMethod.Get, "/api/tenants/met/adherence?weeks=1");
        listener.RecordObservableInstruments();

        Assert.Equal(2, seen.GetValueOrDefault("wellness.sessions.logged"));
        Assert.Equal(1, seen.GetValueOrDefault("wellness.inputs.rejected|reason=contraindicated"));
        Assert.Equal(1, seen.GetValueOrDefault("wellness.incidents.transitions|status=Reported"));
        Assert.Equal(1, seen.GetValueOrDefault("wellness.incidents.transitions|status=Triaged"));
        Assert.True(seen.GetValueOrDefault("wellness.cells.suppressed|tier=participation") >= 2, "tiny and, by complement, big are hidden");
    }

    private static HttpClient Client(WebApplicationFactory<Program> factory, string role, string? tenant, string subject)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Create(subject, role, tenant));
        return client;
    }
}
