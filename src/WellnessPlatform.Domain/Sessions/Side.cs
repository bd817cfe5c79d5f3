namespace WellnessPlatform.Domain.Sessions;

/// <summary>Which leg a sided exercise (the hamstring stretch) was done on.</summary>
public enum Side
{
    Left,
    Right,
    Both,
}
