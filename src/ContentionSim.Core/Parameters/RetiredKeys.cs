namespace ContentionSim.Core.Parameters;

/// <summary>
/// Keys a scenario could once have but that were replaced by a quantity per capita or a share
/// (issue 15 item 1: a scenario must mean the same at 1,000 and at 1,000,000 activists). Loading,
/// <c>--set</c>, sweeps and events refuse them with the new key and the conversion instead of "unknown key".
/// </summary>
public static class RetiredKeys
{
    /// <summary>A key that was replaced: where it was, its new key and how to convert a value.</summary>
    /// <param name="Record">The parameter record the key belonged to.</param>
    /// <param name="Key">The old key.</param>
    /// <param name="NewKey">The key that replaces it, in the same record.</param>
    /// <param name="Conversion">How an old value becomes a new one, with an example.</param>
    public sealed record Retired(Type Record, string Key, string NewKey, string Conversion);

    /// <summary>Every retired key, with its replacement and conversion.</summary>
    public static IReadOnlyList<Retired> All { get; } =
    [
        new(typeof(OrganizationGroupParameters), "count", "per_thousand_activists",
            "organizations per 1,000 of the movement's activists = count × 1,000 / activists.count (10 organizations for 2,000 activists → 5)"),
        new(typeof(StateParameters), "institutional_relief", "institutional_relief_per_thousand",
            "relief per national contact per 1,000 activists of the scenario = institutional_relief × total activists / 1,000 (0.005 at 2,000 activists → 0.01)"),
        new(typeof(TransnationalParameters), "pressure_per_alliance", "pressure_per_alliance_per_thousand",
            "pressure per standing alliance per 1,000 activists of the scenario = pressure_per_alliance × total activists / 1,000 (0.02 at 2,000 activists → 0.04)"),
    ];

    /// <summary>The retired key <paramref name="key"/> of <paramref name="record"/>, or null.</summary>
    public static Retired? Find(Type record, string key) =>
        All.FirstOrDefault(r => r.Record == record && string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>The message for a retired key: what replaced it.</summary>
    public static string Message(Retired r) =>
        $"'{r.Key}' was replaced by '{r.NewKey}' (a quantity per capita, so that a scenario means the same at any population size)";

    /// <summary>The fix for a retired key: the conversion.</summary>
    public static string Fix(Retired r) => $"write '{r.NewKey}' instead: {r.Conversion}";
}
