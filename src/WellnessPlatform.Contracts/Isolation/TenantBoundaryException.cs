namespace WellnessPlatform.Contracts.Isolation;

/// <summary>Thrown when a call would reach a grain of another tenant.</summary>
[GenerateSerializer, Alias("wp.TenantBoundaryException")]
public sealed class TenantBoundaryException : Exception
{
    public TenantBoundaryException()
        : base("A call may not cross from one tenant to another.")
    {
    }

    public TenantBoundaryException(string message)
        : base(message)
    {
    }

    public TenantBoundaryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
