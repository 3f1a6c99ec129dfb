using System.CommandLine;

namespace ContentionSim.Cli.Commands;

/// <summary><c>--format csv|parquet</c>: a Parquet copy of a sweep's runs.csv or a calibration's accepted sets beside the CSV.</summary>
internal static class FormatOption
{
    public const string RunsParquet = "runs.parquet";
    public const string ParticlesParquet = "particles.parquet";

    public static Option<string> Create(string table)
    {
        var option = new Option<string>("--format")
        {
            Description = $"csv (the default) or parquet: also write {table} as Parquet, with typed columns (readable by pandas, R's arrow, DuckDB).",
            DefaultValueFactory = _ => "csv",
        };
        option.AcceptOnlyFromAmong("csv", "parquet");
        return option;
    }

    public static bool Parquet(string? value) => value == "parquet";
}
