namespace WellnessPlatform.Host.Rights;

/// <summary>The gateway asks for it before it starts an erasure, in the API and on the portal page alike.</summary>
public static class ErasureConfirmation
{
    /// <summary>What the caller must send as "confirm" for an erasure to start: it cannot be undone.</summary>
    public const string Phrase = "erase-my-data";
}
