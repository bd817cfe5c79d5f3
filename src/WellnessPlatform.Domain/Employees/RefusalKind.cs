namespace WellnessPlatform.Domain.Employees;

/// <summary>Bad input (a field at fault), a missing person or case, or a state that does not allow it.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
}
