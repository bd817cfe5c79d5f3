namespace WellnessPlatform.Grains.Roster;

/// <summary>
/// Room left under a roster's capacity for one writer: the head count when it was read, plus what this
/// writer has added since. Not shared between writers, so two at once can each use the same room.
/// </summary>
internal sealed class RosterHeadroom(int capacity, long count)
{
    private long _count = count;

    public bool Allows(int more) => capacity == int.MaxValue || _count + more <= capacity;

    public void Take(int added) => _count += added;
}
