using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orleans.Core.Internal;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain.Roster;
using WellnessPlatform.Host.Api.Responses;

namespace WellnessPlatform.Benchmarks;

/// <summary>Step 3: the whole roster as one CSV upload, its progress polled as the admin page polls it.</summary>
internal static class ScaleOnboarding
{
    public sealed record Result(RosterImportStatus Status, ImportProgress Progress, TimeSpan Elapsed, long RosterTotal);

    public static string Csv(int people, int departments)
    {
        var csv = new StringBuilder("employeeId,department\n", people * 20);
        for (var i = 0; i < people; i++)
        {
            csv.Append(ScaleScenario.Person(i)).Append(",dept-").Append(i % departments).Append('\n');
        }

        return csv.ToString();
    }

    public static async Task<Result> UploadAsync(ScaleApi api, string tenant, string csv, TimeSpan pollEvery)
    {
        var admin = ScaleTokens.Staff(WellnessPlatform.Host.Security.Roles.TenantAdmin, tenant);
        var clock = Stopwatch.StartNew();
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        RosterImportStatus status;
        using (var accepted = await api.SendRawAsync(HttpMethod.Post, $"/api/tenants/{tenant}/invitations/imports", admin, content))
        {
            if (accepted.StatusCode != HttpStatusCode.Accepted || !await api.CountAsync("roster upload", accepted))
            {
                throw new InvalidOperationException($"The upload was not accepted: {(int)accepted.StatusCode}.");
            }

            status = (await accepted.Content.ReadFromJsonAsync<RosterImportStatus>(ScaleApi.Json))!;
        }

        // Rates are timed from the 202: parsing the file happens before it, writing people after it.
        var progress = new ImportProgress();
        var since = Stopwatch.StartNew();
        var reported = 0;
        while (status.Phase == ImportPhase.Running)
        {
            await Task.Delay(pollEvery);
            status = await api.GetJsonAsync<RosterImportStatus>("roster upload status", $"/api/tenants/{tenant}/invitations/imports/{status.ImportId}", admin);
            progress.Add(since.Elapsed.TotalSeconds, status.Processed);
            if (status.Processed / 10_000 > reported)
            {
                reported = status.Processed / 10_000;
                Console.Error.WriteLine($"  {tenant}: {status.Processed:N0} processed after {since.Elapsed.TotalSeconds:N1} s");
            }
        }

        var elapsed = clock.Elapsed;
        var roster = await api.GetJsonAsync<InvitationList>("invitations page", $"/api/tenants/{tenant}/invitations?pageSize=1", admin);
        return new Result(status, progress, elapsed, roster.Total);
    }

    /// <summary>
    /// The upload's status as an admin reads it later, once its activation has been collected: the grain
    /// is deactivated, and the next read activates it from what was stored.
    /// </summary>
    public static async Task<RosterImportStatus> ReadBackAsync(ScaleApi api, IGrainFactory grains, string tenant, string importId)
    {
        using (TenantContext.System("bench-scale", tenant))
        {
            await grains.GetGrain<IRosterImportGrain>(GrainKeys.RosterImport(tenant, importId)).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var admin = ScaleTokens.Staff(WellnessPlatform.Host.Security.Roles.TenantAdmin, tenant);
        return await api.GetJsonAsync<RosterImportStatus>("roster upload status", $"/api/tenants/{tenant}/invitations/imports/{importId}", admin);
    }
}
