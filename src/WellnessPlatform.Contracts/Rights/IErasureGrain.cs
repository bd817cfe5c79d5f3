namespace WellnessPlatform.Contracts.Rights;

/// <summary>
/// One person's erasure as a durable process (key: "{tenant}/erasure-{employee}"). The request is stored
/// first, then the steps run in order, each idempotent: the routine record and contributor token (the
/// employee grain and its shard), the invitation, the person's incident cases, their audit entries, and
/// the erasure's own audit entry. A reminder resumes a process that stopped part-way, so an erasure once
/// recorded always finishes. Nothing is kept once it has: its key names the person.
/// </summary>
public interface IErasureGrain : IGrainWithStringKey
{
    /// <summary>Records the erasure, or joins the one under way, and returns its erasure reference.</summary>
    Task<string> RequestAsync(ErasureRequest request);

    /// <summary>
    /// Runs the steps not done yet. Ok with what was erased; NotFound "not_enrolled" when nothing was held
    /// about the person (or a process that already finished is asked again). Conflict when a step cannot
    /// finish now ("counters_unreachable", "erasure_pending"): the process stays recorded and its
    /// reminder finishes it; repeating the request is safe.
    /// </summary>
    Task<Outcome<ErasureResult>> RunAsync(string reference);
}
