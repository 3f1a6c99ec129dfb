using System.Globalization;
using ContentionSim.Core.Observation;
using ContentionSim.Reporting.Csv;

namespace ContentionSim.Reporting.Tests;

public class RunCsvTests
{
    private static (Dictionary<string, int> C, List<string[]> Rows) Table(Action<RunResult, TextWriter> write, RunResult run)
    {
        var sw = new StringWriter();
        write(run, sw);
        var rows = TestCsv.Parse(sw.ToString());
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        return (rows[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i), rows.Skip(1).ToList());
    }

    [Fact]
    public void Timeseries_has_the_documented_columns_in_order()
    {
        string[] expected =
        [
            "tick", "movement", "stage", "stage_name", "cycle", "activists", "inactive", "active", "exhausted", "repressed", "coopted",
            "participation", "radical_share", "frame_adoption", "sectors_engaged", "interactions", "violent_acts", "cooptations",
            "repression_events", "facilitation_events", "concessions", "outside_pressure", "effective_openness", "repression_level", "facilitation_level", "sympathy",
            "mean_grievance", "alliances",
        ];
        Assert.Equal(expected, RunCsv.TimeseriesColumns);
        var sw = new StringWriter();
        RunCsv.WriteTimeseries(TestRuns.Sample(), sw);
        Assert.StartsWith(string.Join(',', expected) + "\n", sw.ToString());
    }

    [Fact]
    public void Timeseries_has_a_row_per_tick_and_movement_in_series_order()
    {
        var run = TestRuns.Sample(movements: 2);
        var (c, rows) = Table(RunCsv.WriteTimeseries, run);
        Assert.Equal(run.Series.Count, rows.Count);
        Assert.Equal(TestRuns.Ticks * 3, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(run.Series[i].Tick.ToString(CultureInfo.InvariantCulture), rows[i][c["tick"]]);
            Assert.Equal(run.Series[i].Movement, rows[i][c["movement"]]);
        }
        var peak = rows.Single(r => r[c["tick"]] == "45" && r[c["movement"]] == "wave");
        Assert.Equal("3", peak[c["stage"]]);
        Assert.Equal("information_interaction", peak[c["stage_name"]]);
        Assert.Equal("1", peak[c["cycle"]]);
        Assert.Equal("0.42", peak[c["participation"]]); // 840 of 2,000 activists
        Assert.Equal("840", peak[c["active"]]);
    }

    [Fact]
    public void Timeseries_numbers_are_invariant_under_a_comma_culture()
    {
        var run = TestRuns.Sample();
        string text;
        using (new CultureScope("de-DE"))
        {
            var sw = new StringWriter();
            RunCsv.WriteTimeseries(run, sw);
            text = sw.ToString();
        }
        var rows = TestCsv.Parse(text);
        var header = rows[0];
        int p = Array.IndexOf(header, "participation"), e = Array.IndexOf(header, "effective_openness");
        // Under de-DE a comma decimal would split fields; every row keeps the header's width.
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        var row = rows[1 + 45];
        Assert.Equal(run.Series[45].Participation, double.Parse(row[p], CultureInfo.InvariantCulture), 6);
        Assert.Contains('.', row[e]);
        Assert.Equal(run.Series[45].EffectiveOpenness, double.Parse(row[e], CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public void Stages_rows_keep_triggers_intact_and_carry_the_cycle_outcome()
    {
        var run = TestRuns.Sample();
        var (c, rows) = Table(RunCsv.WriteStages, run);
        Assert.Equal(run.StageEntries.Count, rows.Count);
        Assert.Equal(run.StageEntries.Select(e => StageCriteria.Trigger(e, run.Scenario.Classifier)), rows.Select(r => r[c["trigger"]]));
        Assert.Equal(
            ["conflict_diffusion", "repertoires_frames", "information_interaction", "exhaustion_polarization",
             "violence_institutionalization", "facilitation_repression", "conflict_diffusion"],
            rows.Select(r => r[c["stage_name"]]));
        Assert.All(rows.Take(6), r => Assert.Equal("negotiated", r[c["cycle_outcome"]]));
        Assert.All(rows.Take(6), r => Assert.Equal("100", r[c["cycle_end_tick"]]));
        Assert.Equal("ongoing", rows[6][c["cycle_outcome"]]);
        Assert.Equal("", rows[6][c["cycle_end_tick"]]);
        Assert.Equal("2", rows[6][c["cycle"]]);
    }

    [Fact]
    public void Stages_columns_start_with_the_documented_ones()
    {
        string[] documented =
        [
            "movement", "cycle", "stage", "stage_name", "tick", "trigger", "participation", "peak_participation", "frame_adoption",
            "radical_share", "radical_share_at_peak", "interaction_rate", "sectors_engaged", "violent_acts", "cooptations",
            "repression_events", "facilitation_events",
        ];
        Assert.Equal(documented, RunCsv.StagesColumns.Take(documented.Length));
        Assert.Equal(["cycle_outcome", "cycle_end_tick"], RunCsv.StagesColumns.Skip(documented.Length));
    }

    [Fact]
    public void Cycles_have_outcome_timing_and_stage_durations()
    {
        var sample = TestRuns.Sample();
        var (c, rows) = Table(RunCsv.WriteCycles, sample);
        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.Equal("negotiated", first[c["outcome"]]);
        Assert.Equal(StageCriteria.OutcomeReason(sample.Cycles[0]), first[c["outcome_reason"]]);
        Assert.StartsWith("2 concessions, 25 co-optations and 40 talks against 30 arrests", first[c["outcome_reason"]]);
        Assert.Equal(("10", "45", "100"), (first[c["start_tick"]], first[c["peak_tick"]], first[c["end_tick"]]));
        Assert.Equal(["10", "15", "20", "15", "15", "15"], Enumerable.Range(1, 6).Select(i => first[c[$"stage{i}_ticks"]]));
        Assert.Equal("6", first[c["highest_stage"]]);
        Assert.Equal("facilitation_repression", first[c["highest_stage_name"]]);
        Assert.Equal("12", first[c["violent_acts_late"]]);
        Assert.Equal("0.5", first[c["max_outside_pressure"]]);
        Assert.Equal("ongoing", rows[1][c["outcome"]]);
        Assert.Equal("", rows[1][c["end_tick"]]);
    }

    [Fact]
    public void Cycles_tolerate_short_duration_lists()
    {
        var run = TestRuns.Sample() with { Cycles = [new CycleRecord { Cycle = 1, StageDurations = [0, 4] }] };
        var (c, rows) = Table(RunCsv.WriteCycles, run);
        Assert.Equal("4", rows[0][c["stage1_ticks"]]);
        Assert.Equal("0", rows[0][c["stage6_ticks"]]);
    }

    [Fact]
    public void Organizations_have_every_field_with_snake_case_kinds()
    {
        var run = TestRuns.Sample();
        var (c, rows) = Table(RunCsv.WriteOrganizations, run);
        var props = typeof(OrganizationRecord).GetProperties().Select(p => Core.Parameters.ParameterPath.ToSnakeCase(p.Name)).Order();
        Assert.Equal(props, c.Keys.Order());
        Assert.Equal("christian_ngo", rows[0][c["kind"]]);
        Assert.Equal("womens_support", rows[1][c["kind"]]);
        Assert.Equal(("true", "false"), (rows[0][c["public_information"]], rows[1][c["public_information"]]));
        Assert.Equal(("counselling+language_classes+networking+lobbying", "counselling"), (rows[0][c["means"]], rows[1][c["means"]]));
        Assert.Equal("0.468085", rows[0][c["service_effort"]]);
        Assert.Equal("12", rows[0][c["contacts_local_authorities"]]);
    }

    [Fact]
    public void Events_keep_labels_intact()
    {
        var (c, rows) = Table(RunCsv.WriteEvents, TestRuns.Sample(events: true));
        Assert.Single(rows);
        Assert.Equal(["30", "state.openness", "0.25", "NPO law revision, \"tightened\""],
            new[] { "tick", "key", "value", "label" }.Select(k => rows[0][c[k]]));
    }
}
