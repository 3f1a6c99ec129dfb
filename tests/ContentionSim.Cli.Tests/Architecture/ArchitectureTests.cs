using System.Reflection;
using System.Xml.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace ContentionSim.Cli.Tests.Architecture;

/// <summary>
/// The house rules, checked on the code as built (in the spirit of ScottPlot's code tests): which project may
/// reference which project and package, Core free of I/O, console, environment and processes, and no public
/// mutable fields in Core. The tables below are the rules; a new project or package is one line in them.
/// They live in the CLI's test project because it is the one that sees every assembly.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Each project under src/ and what it may reference: projects (by name, without "ContentionSim.") and
    /// NuGet packages. The model (Core) references nothing; analysis and commands sit on top.
    /// </summary>
    private static readonly Dictionary<string, (string[] Projects, string[] Packages)> Allowed = new()
    {
        ["Core"] = ([], []),                                   // the model
        ["Methods"] = ([], ["MathNet.Numerics"]),             // statistical methods, independent of the model
        ["Scenarios"] = (["Core", "Methods"], ["YamlDotNet"]), // YAML in, validated parameters out (sampled sweep designs from Methods)
        ["Reporting"] = (["Core", "Methods"], ["ScottPlot", "SkiaSharp.NativeAssets.Linux.NoDependencies"]),
        ["Classroom"] = (["Core", "Scenarios"], ["Microsoft.AspNetCore.Components.WebAssembly"]),
        ["Experiments"] = (["Core", "Scenarios", "Reporting", "Methods"], ["ScottPlot", "MathNet.Numerics", "Parquet.Net"]),
        ["Cli"] = (["Core", "Scenarios", "Reporting", "Experiments", "Classroom"], ["System.CommandLine", "Spectre.Console"]),
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void A_project_references_only_the_projects_and_packages_its_layer_allows(string project)
    {
        string name = project.StartsWith("ContentionSim.", StringComparison.Ordinal) ? project["ContentionSim.".Length..] : project;
        Assert.True(Allowed.TryGetValue(name, out var allowed),
            $"{project} is not in ArchitectureTests.Allowed: add a line saying which projects and packages it may reference (and describe it in docs/architecture.md)");
        var csproj = XDocument.Load(Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, "src"), project + ".csproj", SearchOption.AllDirectories).Single());
        var projects = csproj.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Select(p => p.StartsWith("ContentionSim.", StringComparison.Ordinal) ? p["ContentionSim.".Length..] : p).ToList();
        var packages = csproj.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

        var foreignProjects = projects.Except(allowed.Projects).ToList();
        var foreignPackages = packages.Except(allowed.Packages).ToList();
        Assert.True(foreignProjects.Count == 0, $"{project} references {string.Join(", ", foreignProjects)}; it may reference only {Show(allowed.Projects)} (see docs/architecture.md)");
        Assert.True(foreignPackages.Count == 0, $"{project} uses the package(s) {string.Join(", ", foreignPackages)}; it may use only {Show(allowed.Packages)}");
    }

    [Fact]
    public void The_allowed_references_have_no_cycle_and_name_only_known_projects()
    {
        // Layers: a project may reference only projects listed before it, so there is no cycle.
        var order = Allowed.Keys.ToList();
        foreach (var (project, (projects, _)) in Allowed)
            foreach (var reference in projects)
                Assert.True(order.IndexOf(reference) >= 0 && order.IndexOf(reference) < order.IndexOf(project), $"{project} may reference {reference}, which is not a layer below it");
    }

    private static readonly Assembly Core = typeof(Core.Parameters.Scenario).Assembly;

    [Fact]
    public void Core_does_no_file_console_network_or_process_io_and_uses_no_yaml_plot_or_console_library()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
                "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
                "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.Path", "System.IO.DriveInfo",
                "System.Console", "System.Diagnostics.Process", "System.Net",
                "YamlDotNet", "ScottPlot", "SkiaSharp", "Spectre.Console", "System.CommandLine")
            .GetResult();
        Assert.True(result.IsSuccessful, "Core is the model: parameters in, observations out, no I/O. These types depend on I/O or a front-end library: " +
                                         string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>Members of otherwise allowed types that Core must not call: the environment is the caller's business.</summary>
    private static readonly string[] ForbiddenMembers =
    [
        "System.Environment::GetEnvironmentVariable", "System.Environment::GetEnvironmentVariables", "System.Environment::SetEnvironmentVariable",
        "System.Environment::Exit", "System.Environment::FailFast", "System.Environment::get_CurrentDirectory", "System.Environment::GetCommandLineArgs",
    ];

    [Fact]
    public void Core_reads_no_environment_variable_and_never_exits_the_process()
    {
        var calls = new List<string>();
        using var module = ModuleDefinition.ReadModule(Core.Location);
        foreach (var type in module.GetTypes())
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var instruction in method.Body.Instructions)
                    if (instruction.Operand is MethodReference called && (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt || instruction.OpCode == OpCodes.Ldftn)
                        && ForbiddenMembers.Contains($"{called.DeclaringType.FullName}::{called.Name}"))
                        calls.Add($"{type.FullName}.{method.Name} calls {called.DeclaringType.Name}.{called.Name}");
        Assert.True(calls.Count == 0, "Core takes everything as parameters (cluster and environment settings belong to the caller): " + string.Join("; ", calls));
    }

    /// <summary>
    /// Public types of Core whose public fields may be written, with the reason. Each must still have one (a test
    /// below fails when an entry is no longer needed, so the list only shrinks).
    /// </summary>
    private static readonly Dictionary<string, string> MutableFieldExceptions = new()
    {
        // Empty since MovementTally (the activists' per-chunk tally, summed in the hot loop) became internal.
    };

    [Fact]
    public void Core_has_no_public_mutable_fields()
    {
        var found = MutableFields().Where(f => !MutableFieldExceptions.ContainsKey(f.DeclaringType!.FullName!))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}").ToList();
        Assert.True(found.Count == 0, "public fields that anyone can write (make them properties, readonly, or internal): " + string.Join(", ", found));
    }

    [Fact]
    public void Every_exception_to_the_mutable_field_rule_is_still_needed()
    {
        var types = MutableFields().Select(f => f.DeclaringType!.FullName!).ToHashSet();
        var stale = MutableFieldExceptions.Keys.Where(t => Core.GetType(t) is not null && !types.Contains(t)).ToList();
        Assert.True(stale.Count == 0, $"remove from ArchitectureTests.MutableFieldExceptions (no public mutable field left): {string.Join(", ", stale)}");
    }

    private static IEnumerable<FieldInfo> MutableFields() =>
        Core.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !(f.DeclaringType!.IsEnum));

    private static string Show(string[] names) => names.Length == 0 ? "nothing" : string.Join(", ", names);
}
