using System.Security.Cryptography;

namespace WellnessPlatform.Domain.Privacy;

/// <summary>Uniform doubles in (0, 1] from the operating system's cryptographic generator (53 random bits).</summary>
public static class CryptoUniform
{
    private const double Step = 1.0 / (1UL << 53);

    public static double Next()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var bits = BitConverter.ToUInt64(bytes) >> 11;
        return (bits + 1) * Step; // never 0, so the logarithm in the sampler is finite
    }
}
