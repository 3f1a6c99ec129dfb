using System.Security.Cryptography;
using System.Text;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Benchmarks;

/// <summary>A hash of everything a run produced (records print doubles round-trippably), to check that an optimization changed nothing.</summary>
internal static class Fingerprint
{
    public static string Of(Scenario scenario, int threads)
    {
        var r = Simulator.Run(scenario, new RunOptions { Threads = threads });
        var text = new StringBuilder();
        foreach (var o in r.Series) text.AppendLine(o.ToString());
        foreach (var e in r.StageEntries) text.AppendLine(e.ToString());
        foreach (var c in r.Cycles) text.AppendLine(c.ToString() + string.Join(",", c.StageDurations));
        foreach (var o in r.Organizations) text.AppendLine(o.ToString());
        text.AppendLine(r.Headline.ToString() + string.Join(",", r.Headline.Outcomes) + string.Join(",", r.Headline.StageDurations));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
