namespace WellnessPlatform.Domain.Privacy;

/// <summary>The tenant's privacy-budget ledger: epsilon spent so far and how many noisy rates were released.</summary>
[GenerateSerializer, Alias("wp.PrivacyBudget")]
public sealed class PrivacyBudget
{
    [Id(0)] public double Spent { get; set; }

    [Id(1)] public int Releases { get; set; }

    /// <summary>Spends <paramref name="epsilon"/> if the budget allows it (with a little slack for rounding).</summary>
    public bool TrySpend(double epsilon, double budget)
    {
        if (Spent + epsilon > budget + 1e-9)
        {
            return false;
        }

        Spent += epsilon;
        Releases++;
        return true;
    }
}
