using System.Globalization;
using ContentionSim.Core.Parameters;
using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios.Calibration;

// Scalar values, unknown keys and their did-you-mean.
public static partial class CalibrationLoader
{
    private sealed partial class Reader
    {
        private string? Text(Dictionary<string, YEntry> entries, string key)
        {
            if (!entries.TryGetValue(key, out var entry)) return null;
            if (entry.Value is YScalar scalar) return scalar.IsNull ? "" : scalar.Value;
            Add(entry.Value, key, $"expected text, found {entry.Value.Describe()}", $"write {key} on one line");
            return null;
        }

        private ulong? Unsigned(YNode node, string path)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryULong(s.Value, out ulong v)) return v;
            Add(node, path, $"expected a whole number (0 or more), found {node.Describe()}", "write e.g. 'master_seed: 2024'");
            return null;
        }

        private int? Whole(YNode node, string path, int min, int max)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x) && x == Math.Floor(x) && x >= min && x <= max) return (int)x;
            Add(node, path, $"expected a whole number from {min:N0} to {max:N0}, found {node.Describe()}", null);
            return null;
        }

        private double? Number(YNode node, string path)
        {
            if (node is YScalar { IsPlain: true } s && Scalars.TryNumber(s.Value, out double x) && double.IsFinite(x)) return x;
            Add(node, path, $"expected a number, found {node.Describe()}", null);
            return null;
        }

        private void UnknownKey(YScalar key, string path, IReadOnlyList<string> valid, string what = "key")
        {
            string where = path.Length == 0 ? "at the top level" : $"in '{path}'";
            string? near = valid.OrderBy(v => Distance(v, key.Value)).FirstOrDefault();
            string fix = near is not null && Distance(near, key.Value) <= Math.Max(2, key.Value.Length / 3)
                ? $"did you mean '{near}'? (valid: {string.Join(", ", valid)})"
                : $"valid: {string.Join(", ", valid)}";
            Add(key, path.Length == 0 ? key.Value : $"{path}.{key.Value}", $"unknown {what} '{key.Value}' {where}", fix);
        }

        private static string Describe(Type t) => t == typeof(bool) ? "a switch (true/false)" : t == typeof(string) ? "text" : t.IsEnum ? "a choice of names" : $"a {t.Name}";

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            return d[a.Length, b.Length];
        }
    }
}
