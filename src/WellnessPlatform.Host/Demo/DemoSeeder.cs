using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Host.Demo;

/// <summary>
/// Creates a demo employer with a few dozen people and several weeks of history, through the same
/// grain commands real data goes through, so the dashboard has real numbers to show. Runs once:
/// an existing demo tenant is left alone.
/// </summary>
public sealed partial class DemoSeeder(IGrainFactory grains, IOptions<DemoSettings> options, TimeProvider clock, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string SystemActor = "demo-seed";

    private readonly DemoSettings _settings = options.Value;

    private static readonly (string Department, int People)[] Teams = [("warehouse", 16), ("office", 12), ("drivers", 9), ("support", 3)];
    private static readonly string[] Zones = ["Europe/London", "Europe/Berlin", "America/New_York"];

    private static readonly LoggedExercise[] StandardRoutine =
    [
        new(ExerciseCatalog.PartialCrunch, 10, 1, null),
        new(ExerciseCatalog.HamstringStretch, 3, 20, Side.Both),
        new(ExerciseCatalog.WallSit, 10, 10, null),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Seed)
        {
            return;
        }

        // Seeding is the platform's own work for the demo tenant, and says so in logs and traces.
        using var scope = TenantContext.System(SystemActor, _settings.TenantId);
        var tenant = grains.GetGrain<ITenantGrain>(_settings.TenantId);
        if (await tenant.GetConfigAsync() is not null)
        {
            LogAlreadySeeded(logger, _settings.TenantId);
            return;
        }

        var config = new TenantConfig("Riverside Logistics (demo)", [.. Teams.Select(t => t.Department)], "Europe/London",
            PrivacyThresholds.Default, PlanSettings.Default,
            "https://intranet.example.com/report-an-incident", "https://intranet.example.com/workers-compensation",
            TenantConfig.DefaultShards, CaseWorkEmail: "occupational-health@riverside.example");
        var configured = await tenant.ConfigureAsync(config);
        if (!configured.IsOk)
        {
            throw new InvalidOperationException("The demo tenant's settings were refused: " + string.Join("; ", configured.Errors.Select(e => e.Message)));
        }

        var random = new Random(2026);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var number = 0;
        foreach (var (department, people) in Teams)
        {
            for (var i = 0; i < people; i++)
            {
                stoppingToken.ThrowIfCancellationRequested();
                number++;
                var history = History(random, number, department, today);
                var employeeId = $"emp-{number:D3}";
                await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(_settings.TenantId)).InviteAsync(employeeId, department, "demo-seed");
                var employee = grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(_settings.TenantId, employeeId));
                var outcome = await employee.ImportHistoryAsync(history);
                if (!outcome.IsOk && outcome.Code != "already_enrolled")
                {
                    throw new InvalidOperationException("Demo history was refused: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
                }
            }
        }

        // Invited but not started: the portal's first-run flow (enrolment, screening) for this one.
        await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(_settings.TenantId)).InviteAsync("emp-new", "office", "demo-seed");
        await SeedCaseWorkAsync(today);
        LogSeeded(logger, _settings.TenantId, number);
    }

    /// <summary>A consenting employee and two incident reports, so the case-worker console has a queue.</summary>
    private async Task SeedCaseWorkAsync(DateOnly today)
    {
        await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(_settings.TenantId, "emp-001")).SetCaseWorkerConsentAsync(true);
        var at = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        await grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(_settings.TenantId, "demo-lifting-strain")).ReportAsync("emp-005",
            new IncidentReport(at.AddDays(-2), "Loading bay 3", "Lifting boxes from a pallet onto a trolley",
                "Felt a sharp pull in the lower back while lifting a heavy box from floor level.", "Lower back strain", "Lower back",
                TreatmentSought.FirstAid, PrivacyCase: false));
        await grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(_settings.TenantId, "demo-van-step")).ReportAsync("emp-030",
            new IncidentReport(at.AddDays(-1), "Delivery van, route 12", "Stepping down from the van's cargo area",
                "Slipped on the wet step and landed hard; back pain since.", "Bruising and back pain", "Lower back and hip",
                TreatmentSought.Clinician, PrivacyCase: true));
    }

    private static ImportedHistory History(Random random, int number, string department, DateOnly lastDay)
    {
        var enrolledOn = lastDay.AddDays(-random.Next(35, 64));
        var baseline = random.Next(2, 7);
        var heldAtScreening = number % 17 == 7; // a couple of people wait for clearance
        var screening = new ScreeningAnswers(baseline, WorkRelated: number % 5 == 0, RecentInjury: false,
            heldAtScreening ? [RedFlag.LegNumbnessOrWeakness] : []);
        var sessions = new List<SessionRecord>();
        var checkIns = new List<PainRecord>();
        var keen = 0.3 + (random.NextDouble() * 0.65);
        var pain = (double)baseline;
        for (var day = enrolledOn; !heldAtScreening && day <= lastDay; day = day.AddDays(1))
        {
            if (random.NextDouble() < keen * 0.75)
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7 + random.Next(0, 12), 0)), TimeSpan.Zero);
                sessions.Add(new SessionRecord($"demo-{number}-{day:yyyyMMdd}", day, at, StandardRoutine, AsPrescribed: true));
            }

            if (day.DayOfWeek == DayOfWeek.Friday)
            {
                pain = Math.Clamp(pain - (keen * 0.4) + ((random.NextDouble() - 0.5) * 0.8), 0, 10);
                checkIns.Add(new PainRecord($"demo-{number}-pain-{day:yyyyMMdd}", day,
                    new DateTimeOffset(day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero), (int)Math.Round(pain), PainContext.Daily));
            }
        }

        var enrolment = new Enrolment(Zones[number % Zones.Length], department, []);
        return new ImportedHistory(enrolledOn, enrolment, screening, sessions, checkIns);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo tenant {TenantId} already exists; nothing seeded")]
    private static partial void LogAlreadySeeded(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo tenant {TenantId} with {Count} employees")]
    private static partial void LogSeeded(ILogger logger, string tenantId, int count);
}
