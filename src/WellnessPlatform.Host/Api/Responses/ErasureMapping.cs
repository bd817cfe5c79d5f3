using WellnessPlatform.Grains.Rights;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The erasure receipt to its API form.</summary>
internal static class ErasureMapping
{
    public static ErasureReceiptResponse ToResponse(this ErasureReceipt r) =>
        new(r.ErasureReference, r.ErasedAt, r.Removed, [.. r.Kept.Select(k => new RetainedRecordResponse(k.What, k.Why))]);
}
