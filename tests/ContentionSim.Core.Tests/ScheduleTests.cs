using System.Reflection;
using System.Text.RegularExpressions;
using ContentionSim.Core.Activists;
using ContentionSim.Core.Opinion;
using ContentionSim.Core.Organizations;
using ContentionSim.Core.Simulation;
using ContentionSim.Core.State;
using ContentionSim.Core.Transnational;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The schedule is <see cref="ContentionModel.Step"/>: submodels get what they read as arguments
/// (none holds another), and docs/ODD.md 3.2 lists the step's calls in the code's order.
/// </summary>
public partial class ScheduleTests
{
    private static readonly Type[] Submodels =
    [
        typeof(EventLayer), typeof(ActivistLayer), typeof(OrganizationLayer), typeof(Organization), typeof(TransnationalLayer),
        typeof(StateLayer), typeof(PublicOpinionLayer), typeof(ObservationLayer),
    ];

    [Fact]
    public void No_submodel_holds_another()
    {
        // The organization layer holds its agents, and each agent its layer (MARS's IAgent<TLayer>);
        // nothing else holds a submodel.
        var found = new List<string>();
        foreach (var type in Submodels)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var held = field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType;
                var all = held.IsGenericType ? held.GetGenericArguments().Append(held) : [held];
                foreach (var t in all)
                    if (Submodels.Contains(t) && t != type && !OwnAgent(type, t))
                        found.Add($"{type.Name}.{field.Name} holds a {t.Name}");
            }

        Assert.Empty(found);
    }

    private static bool OwnAgent(Type holder, Type held) =>
        (holder == typeof(Organization) && held == typeof(OrganizationLayer)) || (holder == typeof(OrganizationLayer) && held == typeof(Organization));

    [Fact]
    public void The_odd_lists_the_calls_of_the_step_in_the_order_of_the_code()
    {
        string root = RepoRoot();
        string code = File.ReadAllText(Path.Combine(root, "src", "ContentionSim.Core", "Simulation", "ContentionModel.cs"));
        int start = code.IndexOf("public void Step()", StringComparison.Ordinal);
        int end = code.IndexOf("public int Run(", start, StringComparison.Ordinal);
        var calls = Call().Matches(code[start..end]).Select(m => m.Groups[1].Value).ToList();

        string odd = File.ReadAllText(Path.Combine(root, "docs", "ODD.md"));
        int section = odd.IndexOf("### 3.2 One tick (`ContentionModel.Step`)", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/ODD.md has no section 3.2 on ContentionModel.Step");
        var rows = TableRow().Matches(odd[section..odd.IndexOf("**Why this order.**", section, StringComparison.Ordinal)])
            .Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(8, calls.Count);
        Assert.Equal(calls, rows);
        Assert.Equal(calls.Count, ContentionModel.Phases.Length);
    }

    [GeneratedRegex(@"\b((?:Events|Organizations|Allies|State|Activists|Opinion|Observation)\.(?:Apply|Act|Step|Decide|CountEngaged|Update|Observe))\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^\| \d+ \| `([A-Za-z]+\.[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentionSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (with ContentionSim.sln) is not above the test's folder");
    }
}
