using WellnessPlatform.Grains.Rights;
using Xunit.Abstractions;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>An erasure under way stores a fixed handful of fields, whatever the person held.</summary>
public sealed class ErasureStateBoundTests(ITestOutputHelper output)
{
    [Fact]
    public void An_erasure_under_way_stays_under_one_kibibyte_at_its_longest_requester()
    {
        var state = new ErasureState
        {
            Reference = ErasureGrain.ReferencePrefix + Guid.NewGuid().ToString("N"),
            RequestedAt = DateTimeOffset.UtcNow,
            RequestedBy = new string('€', ErasureState.MaxActorLength),
            Role = new string('€', ErasureState.MaxActorLength),
            Done = ErasureSteps.Routine | ErasureSteps.Invitation | ErasureSteps.Cases | ErasureSteps.Audit,
            RoutineRemoved = true,
            InvitationRemoved = true,
            CasesDisconnected = int.MaxValue,
            AuditEntriesChanged = int.MaxValue,
            ErasedAt = DateTimeOffset.UtcNow,
        };

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"ErasureState at its bound: {bytes:N0} bytes");
        Assert.InRange(bytes, 1, 2 * 1024);
        Assert.Equal(state.RequestedBy, back.RequestedBy);
        Assert.Equal(state.Done, back.Done);
    }
}
