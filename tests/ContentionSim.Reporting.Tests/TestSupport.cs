using System.Globalization;
using System.Text;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Stages;

namespace ContentionSim.Reporting.Tests;

/// <summary>Hand-built run results: one cycle that rises, peaks and falls through all six stages, then a second that is still under way.</summary>
internal static class TestRuns
{
    public const int Ticks = 120;
    public const int Activists = 1000;
    public const ulong Seed = 18_446_744_073_709_551_557UL; // above 2^53: must survive JSON exactly

    /// <summary>Stage of the wave at a tick, and its cycle.</summary>
    public static (Stage Stage, int Cycle) StageAt(int t) => t switch
    {
        < 10 => (Stage.Latent, 0),
        < 20 => (Stage.ConflictAndDiffusion, 1),
        < 35 => (Stage.RepertoiresAndFrames, 1),
        < 55 => (Stage.InformationAndInteraction, 1),
        < 70 => (Stage.ExhaustionAndPolarization, 1),
        < 85 => (Stage.ViolenceAndInstitutionalization, 1),
        < 100 => (Stage.FacilitationAndRepression, 1),
        < 105 => (Stage.Latent, 1),
        _ => (Stage.ConflictAndDiffusion, 2),
    };

    public static double ParticipationAt(int t, double scale = 1.0) =>
        scale * (0.02 + 0.4 * Math.Exp(-Math.Pow((t - 45) / 15.0, 2)) + (t >= 105 ? 0.004 * (t - 104) : 0));

    public static Scenario Scenario(int movements) => new()
    {
        Name = "Test wave",
        Description = "A hand-built wave, with \"quotes\", commas and ünïcödé.",
        Seed = Seed,
        Ticks = Ticks,
        TimeUnit = "week",
        Movements = movements == 1
            ? [Movement("migrants", "Migrant support")]
            : [Movement("migrants", "Migrant support"), Movement("labour", "Labour")],
    };

    private static MovementParameters Movement(string id, string name) =>
        new() { Id = id, Name = name, Activists = new ActivistParameters { Count = Activists } };

    public static RunResult Sample(int movements = 1, bool events = false)
    {
        var scenario = Scenario(movements);
        var ids = scenario.Movements.Select(m => m.Id).ToArray();
        var series = new List<TickObservation>();
        for (int t = 0; t < Ticks; t++)
        {
            series.Add(Observation(t, TickObservation.WaveId, 1.0, Activists * movements));
            if (movements > 1)
                for (int m = 0; m < ids.Length; m++)
                    series.Add(Observation(t, ids[m], m == 0 ? 1.25 : 0.75, Activists));
        }

        var entries = new List<StageEntry>();
        int[] starts = [10, 20, 35, 55, 70, 85];
        for (int i = 0; i < 6; i++)
            entries.Add(new StageEntry
            {
                Cycle = 1,
                Stage = StageText.Cycle[i],
                Tick = starts[i],
                Baseline = i == 0 ? 0.02 : 0,
                FrameAtStart = 0.1,
                Participation = ParticipationAt(starts[i]),
                PeakParticipation = ParticipationAt(Math.Min(starts[i], 45)),
                FrameAdoption = 0.1 * (i + 1),
                RadicalShare = 0.05 * (i + 1),
                RadicalShareAtPeak = i >= 3 ? 0.2 : 0,
                InteractionRate = 0.5 * i,
                SectorsEngaged = Math.Min(6, i + 1),
                ViolentActs = i >= 4 ? 7 : 0,
                Cooptations = i >= 4 ? 3 : 0,
                RepressionEvents = i >= 2 ? 2 * i : 0,
                FacilitationEvents = i >= 2 ? i : 0,
            });
        entries.Add(new StageEntry { Cycle = 2, Stage = Stage.ConflictAndDiffusion, Tick = 105, Baseline = 0.01, Participation = 0.03 });

        var cycles = new List<CycleRecord>
        {
            new()
            {
                Cycle = 1, StartTick = 10, EndTick = 100, PeakTick = 45, PeakParticipation = 0.42,
                Outcome = Outcome.Negotiated, MeanFacilitationStance = 0.4, MeanRepressionStance = 0.3,
                HighestStage = Stage.FacilitationAndRepression, StageDurations = [0, 10, 15, 20, 15, 15, 15],
                RepressionEvents = 30, FacilitationEvents = 40, Concessions = 2, Cooptations = 25, ViolentActs = 14, ViolentActsLate = 12,
                MaxOutsidePressure = 0.5,
            },
            new()
            {
                Cycle = 2, StartTick = 105, EndTick = null, PeakTick = 119, PeakParticipation = 0.08,
                Outcome = Outcome.Ongoing, HighestStage = Stage.ConflictAndDiffusion,
                StageDurations = [0, 15, 0, 0, 0, 0, 0],
            },
        };

        var organizations = new List<OrganizationRecord>
        {
            new()
            {
                Id = 0, Movement = "migrants", Kind = OrganizationKind.ChristianNgo, Volunteers = 25, SalariedStaff = 2, Members = 120,
                PublicInformation = true, Means = Core.Organizations.OrganizationMeans.Counselling | Core.Organizations.OrganizationMeans.LanguageClasses | Core.Organizations.OrganizationMeans.Networking | Core.Organizations.OrganizationMeans.Lobbying,
                Counselling = 70, LanguageClasses = 40, Networking = 60, Framing = 30, Mobilization = 20, Lobbying = 15,
                ServiceEffort = 110.0 / 235, AdvocacyEffort = 65.0 / 235, ContactsLocalAuthorities = 12, ContactsNationalGovernment = 3,
                ContactsDomestic = 40, ContactsAbroad = 2, ContactsInternational = 1, Blocked = 2, AlliancesFormed = 1,
            },
            new()
            {
                Id = 1, Movement = "migrants", Kind = OrganizationKind.WomensSupport, Volunteers = 8, Members = 30,
                PublicInformation = false, Means = Core.Organizations.OrganizationMeans.Counselling, Counselling = 90, ServiceEffort = 1.0,
            },
        };

        return new RunResult
        {
            Scenario = scenario,
            Seed = Seed,
            TicksRun = Ticks,
            Movements = ids,
            Series = series,
            StageEntries = entries,
            Cycles = cycles,
            Organizations = organizations,
            Events = events ? [new AppliedEvent(30, "state.openness", 0.25, "NPO law revision, \"tightened\"")] : [],
            Headline = new Headline
            {
                Cycles = 2, CompletedCycles = 1, Fizzles = 0, Outcomes = [Outcome.Negotiated, Outcome.Ongoing],
                LastOutcome = Outcome.Negotiated, PeakParticipation = 0.4212345678, PeakTick = 45, TimeToPeak = 35,
                StageDurations = [25, 25, 15, 20, 15, 15, 15], RepressionEvents = 30, FacilitationEvents = 40, Concessions = 2,
                Cooptations = 25, ViolentActs = 14, LateViolenceShare = 12.0 / 14, ViolenceAfterPeakShare = 13.0 / 14, MeanOutsidePressure = 0.25, MaxOutsidePressure = 0.5,
                AlliancesFormed = 1, MeanParticipation = 0.12,
            },
        };
    }

    private static TickObservation Observation(int t, string movement, double scale, int activists)
    {
        var (stage, cycle) = StageAt(t);
        double p = ParticipationAt(t, scale);
        int active = (int)Math.Round(p * activists);
        int exhausted = t > 45 ? (int)Math.Round(activists * 0.12 * Math.Min(1, (t - 45) / 30.0)) : 0;
        int repressed = stage >= Stage.ViolenceAndInstitutionalization ? activists / 40 : 0;
        int coopted = stage == Stage.FacilitationAndRepression ? activists / 25 : 0;
        return new TickObservation
        {
            Tick = t, Movement = movement, Stage = stage, Cycle = cycle, Activists = activists,
            Active = active, Exhausted = exhausted, Repressed = repressed, Coopted = coopted,
            Inactive = activists - active - exhausted - repressed - coopted,
            Participation = (double)active / activists,
            RadicalShare = 0.1 + 0.002 * t, FrameAdoption = Math.Min(1, 0.02 + 0.006 * t), SectorsEngaged = Math.Min(6, t / 15),
            Interactions = stage == Stage.InformationAndInteraction ? 3 : 0, ViolentActs = stage == Stage.ViolenceAndInstitutionalization ? 1 : 0,
            Cooptations = stage == Stage.FacilitationAndRepression ? 2 : 0, RepressionEvents = stage >= Stage.InformationAndInteraction ? 1 : 0,
            FacilitationEvents = stage == Stage.FacilitationAndRepression ? 3 : 0, Concessions = t == 90 ? 1 : 0,
            OutsidePressure = Math.Min(0.6, t / 150.0), EffectiveOpenness = 0.5 - 0.2 * Math.Sin(t / 40.0),
            Sympathy = 0.5 + 0.1 * Math.Cos(t / 20.0), MeanGrievance = 0.5 - 0.001 * t, Alliances = t / 40,
        };
    }
}

/// <summary>A fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contentionsim-tests-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Everything in the folder, recursively, relative and sorted.</summary>
    public string[] Entries() =>
        Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Select(p => System.IO.Path.GetRelativePath(Path, p)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Runs code under another current culture.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _ui = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        // Guard the premise: the culture really uses a decimal comma.
        Assert.Equal("1,5", 1.5.ToString(culture));
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }
}

/// <summary>A strict RFC 4180 reader for checking what was written.</summary>
internal static class TestCsv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool any = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\n') throw new FormatException($"text after closing quote at {i}");
                any = true;
                continue;
            }
            if (c == '"') throw new FormatException($"quote inside unquoted field at {i}");
            if (c == '\r') throw new FormatException($"bare CR at {i}");
            if (c == ',') { row.Add(field.ToString()); field.Clear(); i++; any = true; continue; }
            if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row.ToArray()); row.Clear(); i++; any = false; continue; }
            field.Append(c);
            any = true;
            i++;
        }
        if (any || field.Length > 0) throw new FormatException("last row not terminated by \\n");
        return rows;
    }

    /// <summary>The table as header → column index plus data rows; checks every row has the header's width.</summary>
    public static (Dictionary<string, int> Columns, List<string[]> Rows) Table(string path)
    {
        var rows = Parse(File.ReadAllText(path));
        Assert.NotEmpty(rows);
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return (header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i), rows.Skip(1).ToList());
    }
}
