using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Roster;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The roster's bucket of a person is where their row is stored: if it ever changed, stored people
/// would no longer be found. And the continuation token reads back only what it wrote.
/// </summary>
public sealed class RosterCursorTests
{
    [Theory]
    [InlineData("p0", 13)]
    [InlineData("a-1", 6)]
    [InlineData("reporter", 8)]
    [InlineData("w-0001", 14)]
    [InlineData("emp-99999", 7)]
    public void A_persons_bucket_never_changes(string employeeId, int bucket)
    {
        Assert.Equal(bucket, RosterCursor.BucketOf(employeeId));
        Assert.Equal($"acme|{bucket:D2}", RosterTable.PartitionOf("acme", employeeId));
    }

    [Fact]
    public void Buckets_spread_a_large_roster_evenly()
    {
        var perBucket = Enumerable.Range(0, 100_000).GroupBy(i => RosterCursor.BucketOf($"emp-{i:D6}")).Select(g => g.Count()).ToList();
        Assert.Equal(RosterCursor.Buckets, perBucket.Count);
        Assert.InRange(perBucket.Max(), 6_250, 6_250 * 1.1);
    }

    [Theory]
    [InlineData("0.1.")]
    [InlineData("15.16.w-0001")]
    [InlineData("3.2.a")]
    public void A_token_reads_back_as_written(string token)
    {
        Assert.True(RosterCursor.TryParse(token, out var cursor));
        Assert.Equal(token, cursor.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.1")]
    [InlineData("16.1.")]
    [InlineData("-1.1.")]
    [InlineData("0.0.")]
    [InlineData("0.17.")]
    [InlineData("0.1.UPPER")]
    [InlineData("0.1.a.b")]
    [InlineData(" 0.1.")]
    public void Anything_else_is_not_a_token(string token) =>
        Assert.False(RosterCursor.TryParse(token, out _));
}
