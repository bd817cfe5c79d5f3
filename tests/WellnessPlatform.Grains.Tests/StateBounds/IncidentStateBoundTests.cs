using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.Incidents;
using Xunit.Abstractions;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>An incident case with every text at its longest and the longest timeline, as production stores it.</summary>
public sealed class IncidentStateBoundTests(ITestOutputHelper output)
{
    [Fact]
    public void A_case_at_every_bound_stores_under_the_limit_and_reads_back()
    {
        static string Text(int n) => Worst.Text(IncidentState.MaxTextLength, n);
        var state = new IncidentState
        {
            EmployeeId = Worst.Text(IncidentState.MaxActorLength),
            Report = new IncidentReport(DateTimeOffset.MaxValue, Text(1), Text(2), Text(3), Text(4), Text(5), TreatmentSought.Hospitalized, true),
            ReportedAt = DateTimeOffset.MaxValue,
        };
        state.Timeline.AddRange(Enum.GetValues<IncidentStatus>().Take(IncidentState.MaxTimelineEntries)
            .Select((status, i) => new IncidentTransition(status, DateTimeOffset.MaxValue, Worst.Text(IncidentState.MaxActorLength, i), Text(10 + i))));

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"IncidentState at every bound: {bytes:N0} bytes ({bytes / 1024.0:0.0} KiB) of {StoredSize.Limit:N0}");

        Assert.True(bytes < StoredSize.Limit, $"{bytes} bytes");
        Assert.Equal(IncidentState.MaxTimelineEntries, back.Timeline.Count);
        Assert.Equal(state.Timeline[^1], back.Timeline[^1]);
        Assert.Equal(state.Report, back.Report);
        Assert.Equal(state.EmployeeId, back.EmployeeId);
    }

    [Fact]
    public void The_workflow_has_no_cycle_and_its_longest_path_fits_the_timeline()
    {
        // Depth-first over the workflow: a cycle would make the timeline grow without end.
        int Longest(IncidentStatus status, HashSet<IncidentStatus> path)
        {
            Assert.True(path.Add(status), $"the workflow returns to {status}");
            var longest = 1 + IncidentWorkflow.AllowedFrom(status).Select(next => Longest(next, path)).DefaultIfEmpty(0).Max();
            path.Remove(status);
            return longest;
        }

        Assert.Equal(IncidentState.MaxTimelineEntries, Longest(IncidentStatus.Reported, []));
    }
}
