namespace WellnessPlatform.Domain.Care;

/// <summary>
/// Which programme a person's exercise belongs to. Everyone starts on the wellness routine offered to
/// all; clinician-directed exercise for a work-related injury is medical treatment (it can make the
/// case OSHA-recordable), so it is kept apart from the employer's wellness figures.
/// </summary>
public enum CareTrack
{
    Wellness,
    Therapeutic,
}
