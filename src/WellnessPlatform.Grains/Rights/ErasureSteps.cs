namespace WellnessPlatform.Grains.Rights;

/// <summary>The steps of an erasure already done, in the order they run.</summary>
[Flags]
public enum ErasureSteps
{
    None = 0,

    /// <summary>The employee grain left as a leaver, its shard forgot the token, its state row is gone.</summary>
    Routine = 1,

    Invitation = 2,

    /// <summary>Every case the person reported names the erasure reference instead.</summary>
    Cases = 4,

    /// <summary>Every audit entry that named the person names the erasure reference instead.</summary>
    Audit = 8,
}
