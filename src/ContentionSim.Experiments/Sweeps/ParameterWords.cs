using System.Reflection;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Experiments.Sweeps;

/// <summary>
/// A swept parameter in words for legends and axes, taken from its <see cref="ParamAttribute"/>: the first
/// clause of its description ("Openness of the political opportunity structure" for <c>state.openness</c>).
/// A path the schema does not document keeps its key.
/// </summary>
public static class ParameterWords
{
    /// <summary>The parameter's words, e.g. "Openness of the political opportunity structure"; the key itself when undocumented.</summary>
    public static string Label(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Describe(path) is not string description) return path;
        int cut = description.Length;
        foreach (string stop in new[] { " (", ": ", "; ", ", so ", ". " })
        {
            int at = description.IndexOf(stop, StringComparison.Ordinal);
            if (at > 0 && at < cut) cut = at;
        }
        return description[..cut].TrimEnd('.', ' ');
    }

    /// <summary>An axis title: the words with the key in brackets, e.g. "Openness of the political opportunity structure (state.openness)".</summary>
    public static string Axis(string path) => Label(path) == path ? path : $"{Label(path)} ({path})";

    private static string? Describe(string path)
    {
        try
        {
            Type type = typeof(Scenario);
            PropertyInfo? property = null;
            foreach (var segment in ParameterPath.Split(path))
            {
                if (segment.StartsWith('['))
                {
                    type = ParameterPath.ElementType(type) ?? type;
                    continue;
                }
                property = ParameterPath.Find(type, segment);
                if (property is null)
                {
                    // movements.<id>.…: an id stands for an element of the list.
                    if (ParameterPath.ElementType(type) is Type element) { type = element; continue; }
                    return null;
                }
                type = property.PropertyType;
            }
            return property?.GetCustomAttribute<ParamAttribute>()?.Description;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
