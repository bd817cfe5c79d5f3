namespace WellnessPlatform.Domain.Screening;

/// <summary>The usual low-back red flags: any one of them means a clinician sees the person first.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "\"Red flag\" is the clinical term the screening guidance uses; it is not a flags enum.")]
public enum RedFlag
{
    LegNumbnessOrWeakness,
    BladderOrBowelControlLoss,
    GroinNumbness,
    FeverOrUnexplainedWeightLoss,
    PainAfterFallOrBlow,
    WorseAtNightOrAtRest,
}
