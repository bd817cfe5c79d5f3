using System.Security.Cryptography;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>
/// A bounded list of marks of erased contributors' tokens, oldest first. An erasure is repeated only
/// after one of its steps failed, and then soon; a repeat that comes after <see cref="Max"/> later
/// erasures in the same shard is no longer recognised. The list holds a one-way mark of each token,
/// never the token itself, so no stored row carries the token once the person's own state is deleted.
/// </summary>
public static class ForgottenTokens
{
    /// <summary>About 20 KiB of marks per list.</summary>
    public const int Max = 1_024;

    /// <summary>The first 16 bytes of the token's SHA-256: recognises the token when it is shown again, and cannot be turned back into it.</summary>
    public static Guid Mark(Guid token)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(token.ToByteArray(), hash);
        return new Guid(hash[..16]);
    }

    public static bool Holds(List<Guid> marks, Guid token) => marks.Count > 0 && marks.Contains(Mark(token));

    /// <summary>Adds the token's mark, dropping the oldest beyond <see cref="Max"/>.</summary>
    public static void Remember(List<Guid> marks, Guid token) => Add(marks, Mark(token));

    private static void Add(List<Guid> marks, Guid mark)
    {
        if (marks.Contains(mark))
        {
            return;
        }

        if (marks.Count >= Max)
        {
            marks.RemoveRange(0, marks.Count - Max + 1);
        }

        marks.Add(mark);
    }
}
