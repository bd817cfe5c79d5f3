namespace WellnessPlatform.Contracts.Roster;

/// <summary>
/// One bulk upload of a roster file (key: "{tenant}/import-{id}"). It validates the whole file at once,
/// then writes the valid lines in transactions of up to 100 people in the background, storing its
/// progress as it goes; the admin polls <see cref="GetAsync"/>.
/// </summary>
public interface IRosterImportGrain : IGrainWithStringKey
{
    /// <summary>Starts the upload; starting an id that already ran returns its status unchanged.</summary>
    Task<Outcome<RosterImportStatus>> StartAsync(string csv, string startedBy);

    Task<RosterImportStatus?> GetAsync();
}
