using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Employees;

/// <summary>A session as recorded, and whether this was a retry of one already recorded.</summary>
public sealed record LoggedSession(SessionRecord Session, bool Duplicate);
