using System.Text.Json;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Tests;

/// <summary>
/// Checks that no NaN or infinity reached a run's outputs. The writers print a non-finite number as an
/// empty CSV cell or a JSON null, never as "NaN" or "Infinity"; so besides looking for those words this
/// checks that the only empty cells and nulls are the ones that mean "not yet" (the end of a cycle still
/// under way), which would otherwise hide a NaN.
/// </summary>
internal static class FiniteOutputs
{
    /// <summary>Cells that may be empty: (file, column).</summary>
    private static readonly HashSet<(string, string)> MayBeEmpty =
    [
        ("cycles.csv", "end_tick"),
        ("stages.csv", "cycle_end_tick"),
        ("events.csv", "label"),
        ("events.csv", "until"),
    ];

    /// <summary>JSON properties that may be null.</summary>
    private static readonly HashSet<string> MayBeNull = ["end_tick", "until"]; // a cycle under way; a shock (no ramp)

    /// <returns>Number of values checked.</returns>
    public static long Check(string runFolder)
    {
        long values = 0;
        var files = Directory.GetFiles(runFolder);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            string name = Path.GetFileName(file);
            if (name.EndsWith(".png", StringComparison.Ordinal)) continue;
            string text = File.ReadAllText(file);
            foreach (var word in new[] { "NaN", "Infinity", "∞" })
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{name} contains '{word}'");
            if (name.EndsWith(".csv", StringComparison.Ordinal)) values += CheckCsv(name, text);
            else if (name.EndsWith(".json", StringComparison.Ordinal)) values += CheckJson(name, JsonDocument.Parse(text).RootElement, "");
        }
        return values;
    }

    private static long CheckCsv(string name, string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = SweepRunsCsv.SplitLine(lines[0]);
        long values = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = SweepRunsCsv.SplitLine(line);
            Assert.True(cells.Count == header.Count, $"{name}: {cells.Count} cells for {header.Count} columns in '{line}'");
            for (int i = 0; i < cells.Count; i++)
            {
                values++;
                if (cells[i].Length == 0 && !MayBeEmpty.Contains((name, header[i])))
                    Assert.Fail($"{name}: column {header[i]} is empty (a NaN written as nothing?) in '{line}'");
            }
        }
        return values;
    }

    private static long CheckJson(string name, JsonElement element, string path)
    {
        long values = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Null)
                    {
                        Assert.True(MayBeNull.Contains(p.Name), $"{name}: {path}{p.Name} is null (a NaN written as null?)");
                        continue;
                    }
                    values += CheckJson(name, p.Value, $"{path}{p.Name}.");
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) values += CheckJson(name, item, path);
                break;
            case JsonValueKind.Number:
                Assert.True(double.IsFinite(element.GetDouble()), $"{name}: {path} is not finite");
                values++;
                break;
            default:
                values++;
                break;
        }
        return values;
    }
}
