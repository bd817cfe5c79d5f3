namespace WellnessPlatform.Testing;

/// <summary>Where Azurite keeps its tables.</summary>
public enum AzuritePersistence
{
    /// <summary>In memory, saved to its data folder every few seconds; survives a stop and start.</summary>
    Disk,

    /// <summary>
    /// In memory only. Azurite's save serializes the whole database every 5 s on its single thread, a
    /// cost that grows with the data and that Azure Table does not have; benchmarks at employer scale
    /// use this so they measure the platform, not that save.
    /// </summary>
    Memory,
}
