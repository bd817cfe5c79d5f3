namespace WellnessPlatform.Domain.Sessions;

/// <summary>When a pain check-in was taken.</summary>
public enum PainContext
{
    Daily,
    BeforeSession,
    AfterSession,
}
