using System.Collections;
using System.Globalization;
using System.Reflection;
using ContentionSim.Core.Parameters;

namespace ContentionSim.Scenarios.Internal;

/// <summary>A parameter path resolved on a scenario.</summary>
/// <param name="Canonical">The path with list items by index: <c>movements[1].grievance_shift</c>.</param>
/// <param name="Type">Declared type of the value.</param>
/// <param name="Property">The last property on the way (for a list item: the list).</param>
/// <param name="ThroughDistribution">Whether the path names a distribution or a part of one.</param>
internal sealed record ResolvedPath(string Canonical, Type Type, PropertyInfo? Property, bool ThroughDistribution);

internal static class Paths
{
    /// <summary>
    /// Resolves <paramref name="path"/> on <paramref name="root"/>. Validity is decided by
    /// <see cref="ParameterPath.TypeAt"/>, which throws <see cref="ParameterPathException"/>
    /// with a did-you-mean; this only adds the canonical (index) form and the property.
    /// </summary>
    public static ResolvedPath Resolve(object root, string path)
    {
        var type = ParameterPath.TypeAt(root, path);
        object? current = root;
        string canonical = "";
        PropertyInfo? property = null;
        bool throughDistribution = false;
        foreach (var segment in ParameterPath.Split(path))
        {
            if (current is IList list && ParameterPath.ElementType(current.GetType()) is Type elementType)
            {
                int index = segment.StartsWith('[')
                    ? int.Parse(segment[1..^1], NumberStyles.None, CultureInfo.InvariantCulture)
                    : IndexById(list, elementType, segment);
                canonical += $"[{index}]";
                current = list[index];
                continue;
            }
            property = ParameterPath.Find(current!.GetType(), segment)!;
            canonical = Schema.Child(canonical, segment);
            throughDistribution |= property.PropertyType == typeof(Distribution);
            current = property.GetValue(current);
        }
        return new ResolvedPath(canonical, type, property, throughDistribution);
    }

    /// <summary>
    /// The reason a path does not resolve, made clearer where <see cref="ParameterPath"/>'s own
    /// reason is terse: a path that goes on past a plain value names that value.
    /// </summary>
    public static string Explain(object root, string path, ParameterPathException e)
    {
        IReadOnlyList<string> segments;
        try
        {
            segments = ParameterPath.Split(path);
        }
        catch (ParameterPathException)
        {
            return e.Reason;
        }
        for (int n = segments.Count - 1; n >= 1; n--)
        {
            string prefix = Join(segments.Take(n));
            try
            {
                var type = ParameterPath.TypeAt(root, prefix);
                var shape = Schema.ShapeOf(type);
                if (shape is Shape.Record or Shape.List) return e.Reason;
                return $"'{prefix}' is {Schema.Expected(type)} and has no part '{segments[n].Trim('[', ']')}'";
            }
            catch (ParameterPathException)
            {
            }
        }
        return e.Reason;
    }

    private static string Join(IEnumerable<string> segments) =>
        string.Concat(segments.Select((s, i) => i == 0 || s.StartsWith('[') ? s : "." + s));

    private static int IndexById(IList list, Type elementType, string id)
    {
        var idProperty = elementType.GetProperty("Id")!;
        for (int i = 0; i < list.Count; i++)
            if (string.Equals(idProperty.GetValue(list[i]) as string, id, StringComparison.Ordinal)) return i;
        throw new ParameterPathException(id, $"no item with id '{id}'");
    }
}
