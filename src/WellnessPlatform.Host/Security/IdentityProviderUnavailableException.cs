namespace WellnessPlatform.Host.Security;

/// <summary>An issuer's keys could not be read (and none were held): the token can be neither accepted nor refused, so the gateway answers 503.</summary>
public sealed class IdentityProviderUnavailableException : Exception
{
    public IdentityProviderUnavailableException()
        : base("The identity provider could not be reached.")
    {
    }

    public IdentityProviderUnavailableException(string message)
        : base(message)
    {
    }

    public IdentityProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
