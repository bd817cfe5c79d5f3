using System.Diagnostics;

namespace WellnessPlatform.Grains;

/// <summary>
/// The platform's own spans, for work no Orleans or ASP.NET Core span describes: a coalesced shard
/// delivery serves several sessions, so it is parented to the first and linked to the others.
/// Same rules as <see cref="WellnessMetrics"/>: tags never name a tenant or a person.
/// </summary>
public static class WellnessTracing
{
    public const string SourceName = "WellnessPlatform";

    internal static readonly ActivitySource Source = new(SourceName, "1.0");
}
