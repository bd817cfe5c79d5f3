namespace WellnessPlatform.Domain.Aggregates;

/// <summary>The tenant's differential-privacy ledger as HR sees it, and why rates may be missing.</summary>
/// <param name="EpsilonPerRelease">Epsilon each released rate costs.</param>
/// <param name="Budget">The tenant's total budget.</param>
/// <param name="Spent">Epsilon spent so far.</param>
/// <param name="Withheld">Rates in this report withheld because the budget is spent.</param>
/// <param name="Note">A sentence for HR when something was withheld.</param>
[GenerateSerializer, Immutable, Alias("wp.PrivacyBudgetStatus")]
public sealed record PrivacyBudgetStatus(
    [property: Id(0)] double EpsilonPerRelease,
    [property: Id(1)] double Budget,
    [property: Id(2)] double Spent,
    [property: Id(3)] int Withheld,
    [property: Id(4)] string? Note);
