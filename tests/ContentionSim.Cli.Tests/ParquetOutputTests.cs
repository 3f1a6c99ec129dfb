using System.Diagnostics;
using System.Globalization;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Tests;

/// <summary><c>--format parquet</c>: a sweep's runs and a calibration's accepted sets as Parquet, read back with typed columns equal to the CSV.</summary>
public sealed class ParquetOutputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_sweep_with_format_parquet_writes_runs_parquet_whose_typed_columns_equal_runs_csv()
    {
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string folder = _cli.PathOf("sweep");
        var (code, output, error) = _cli.Run("sweep", sweep, "--out", folder, "--no-plots", "--format", "parquet");
        Assert.True(code == 0, error);
        Assert.Contains("runs.parquet", output);

        var lines = File.ReadAllLines(Path.Combine(folder, "runs.csv"));
        var header = SweepRunsCsv.SplitLine(lines[0]);
        var rows = lines.Skip(1).Select(SweepRunsCsv.SplitLine).ToArray();
        var (columns, values) = ParquetTables.Read(Path.Combine(folder, "runs.parquet"));
        Assert.Equal(header, columns.Select(c => c.Name));
        Assert.Equal(typeof(long), columns.Single(c => c.Name == "run").Type);
        Assert.Equal(typeof(ulong), columns.Single(c => c.Name == "seed").Type);
        Assert.Equal(typeof(double), columns.Single(c => c.Name == "peak_participation").Type); // the catalog: a share
        Assert.Equal(typeof(long), columns.Single(c => c.Name == "cycles").Type);             // the catalog: a whole number
        Assert.Equal(typeof(string), columns.Single(c => c.Name == "status").Type);
        for (int c = 0; c < header.Count; c++)
            for (int r = 0; r < rows.Length; r++)
            {
                string cell = rows[r][c];
                object? v = values[c][r];
                string back = v switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString()!,
                };
                if (v is double && cell.Length > 0) Assert.Equal(double.Parse(cell, CultureInfo.InvariantCulture), (double)v);
                else Assert.Equal(cell, back);
            }
        Assert.Equal(ExitCodes.BadInput, _cli.Run("sweep", sweep, "--out", _cli.PathOf("x"), "--format", "xlsx").Code);
    }

    [Fact]
    public void A_calibration_with_format_parquet_writes_its_accepted_sets_as_parquet()
    {
        _cli.Write("small.yaml", CliHarness.SmallScenario);
        string file = _cli.Write("cal.yaml", CliHarness.SmallCalibration("{particles: 10, initial_draws: 20, generations: 1, max_simulations: 100}"));
        string folder = _cli.PathOf("cal");
        var (code, _, error) = _cli.Run("calibrate", file, "--out", folder, "--no-plots", "--format", "parquet");
        Assert.True(code == 0, error);
        var csv = File.ReadAllLines(Path.Combine(folder, "particles.csv"));
        var (columns, values) = ParquetTables.Read(Path.Combine(folder, "particles.parquet"));
        Assert.Equal(SweepRunsCsv.SplitLine(csv[0]), columns.Select(c => c.Name));
        int openness = columns.Select(c => c.Name).ToList().IndexOf("state.openness");
        Assert.Equal(typeof(double), columns[openness].Type);
        Assert.Equal(csv.Skip(1).Select(l => double.Parse(SweepRunsCsv.SplitLine(l)[openness], CultureInfo.InvariantCulture)), values[openness].Select(v => (double)v!));
    }

    [SkippableFact]
    public void Pyarrow_or_duckdb_reads_runs_parquet_as_runs_csv()
    {
        string? reader = new[] { "pyarrow", "duckdb" }.FirstOrDefault(m => Python($"import {m}").Code == 0);
        Skip.If(reader is null, "neither pyarrow nor duckdb is installed for python3 on this machine");
        var sweep = SweepTestFiles.WriteSmall(_cli);
        string folder = _cli.PathOf("sweep");
        Assert.Equal(0, _cli.Run("sweep", sweep, "--out", folder, "--no-plots", "--format", "parquet").Code);
        string script = reader == "pyarrow"
            ? $"import pyarrow.parquet as pq; t = pq.read_table('{folder}/runs.parquet'); print(t.num_rows, sum(t.column('peak_participation').to_pylist()))"
            : $"import duckdb; r = duckdb.sql(\"select count(*), sum(peak_participation) from '{folder}/runs.parquet'\").fetchone(); print(r[0], r[1])";
        var (pyCode, pyOut) = Python(script);
        Assert.True(pyCode == 0, pyOut);
        var rows = File.ReadAllLines(Path.Combine(folder, "runs.csv")).Skip(1).Select(SweepRunsCsv.SplitLine).ToArray();
        int peak = SweepRunsCsv.SplitLine(File.ReadLines(Path.Combine(folder, "runs.csv")).First()).ToList().IndexOf("peak_participation");
        var parts = pyOut.Trim().Split(' ');
        Assert.Equal(rows.Length, int.Parse(parts[0], CultureInfo.InvariantCulture));
        Assert.Equal(rows.Sum(r => double.Parse(r[peak], CultureInfo.InvariantCulture)), double.Parse(parts[1], CultureInfo.InvariantCulture), 9);
    }

    private static (int Code, string Output) Python(string code)
    {
        try
        {
            var start = new ProcessStartInfo("python3", ["-c", code]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
