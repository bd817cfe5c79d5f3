namespace WellnessPlatform.Grains.Rights;

/// <summary>Something erasure keeps, with the reason it is kept.</summary>
public sealed record RetainedRecord(string What, string Why);
