namespace WellnessPlatform.Domain.Roster;

/// <summary>Where a roster upload stands.</summary>
public enum ImportPhase
{
    /// <summary>Lines are being written; the counts grow.</summary>
    Running,

    /// <summary>Every valid line has landed.</summary>
    Completed,

    /// <summary>
    /// The silo running it stopped part-way. The lines counted as processed have landed; upload the same
    /// file again to finish (lines already there are left unchanged).
    /// </summary>
    Interrupted,
}
