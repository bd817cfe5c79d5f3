namespace WellnessPlatform.Domain.Screening;

/// <summary>Why a screening holds the routine until a case worker records clearance.</summary>
public enum HoldReason
{
    SeverePain,
    RedFlag,
    RecentInjury,
}
