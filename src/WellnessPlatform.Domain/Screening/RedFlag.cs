namespace WellnessPlatform.Domain.Screening;

/// <summary>The usual low-back red flags: any one of them means a clinician sees the person first.</summary>
public enum RedFlag
{
    LegNumbnessOrWeakness,
    BladderOrBowelControlLoss,
    GroinNumbness,
    FeverOrUnexplainedWeightLoss,
    PainAfterFallOrBlow,
    WorseAtNightOrAtRest,
}
