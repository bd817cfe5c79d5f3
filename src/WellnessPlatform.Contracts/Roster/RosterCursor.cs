using System.Globalization;

namespace WellnessPlatform.Contracts.Roster;

/// <summary>
/// Where the next page of a roster starts: a bucket, how many buckets the next query spans, and the last
/// employee id already given in that bucket (none at a bucket's start). Its text form is the page's
/// continuation token: <c>{bucket}.{window}.{afterId}</c>.
/// </summary>
public sealed record RosterCursor(int Bucket, int Window, string? AfterId)
{
    /// <summary>The roster's partitions per tenant; fixed, because each person's bucket is a hash of their id.</summary>
    public const int Buckets = 16;

    /// <summary>A person's bucket: the same stable hash as their aggregate shard, so every silo agrees.</summary>
    public static int BucketOf(string employeeId) => GrainKeys.ShardIndex(employeeId, Buckets);

    public static RosterCursor Start { get; } = new(0, 1, null);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Bucket}.{Window}.{AfterId}");

    /// <summary>Reads a token this type wrote; anything else is not one (false).</summary>
    public static bool TryParse(string? token, out RosterCursor cursor)
    {
        cursor = Start;
        var parts = token?.Split('.', 3);
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) || bucket is < 0 or >= Buckets
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var window) || window is < 1 or > Buckets
            || (parts[2].Length > 0 && !GrainKeys.IsValidId(parts[2])))
        {
            return false;
        }

        cursor = new RosterCursor(bucket, window, parts[2].Length == 0 ? null : parts[2]);
        return true;
    }
}
