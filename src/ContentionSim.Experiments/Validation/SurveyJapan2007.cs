using ContentionSim.Core.Observation;

namespace ContentionSim.Experiments.Validation;

/// <summary>
/// The survey of Vogt &amp; Lersch (2007) reproduced by scenarios/japan-2007.yaml. Per replication, the
/// share of its organizations that counsel, teach language classes, network, cooperate regularly with
/// organizations in Japan (domestic contacts in at least a quarter of the ticks: monthly at weekly
/// ticks), cooperate abroad (any contact with organizations abroad or international organizations)
/// and lobby; then the mean over replications with its 95% t-interval. Tolerance, stated beforehand:
/// the model's mean within ±0.10 of the paper's share (abroad, "hardly any": mean ≤ 0.10). Pooled over
/// all organizations of all replications: Spearman's ρ of volunteers and contacts with local
/// authorities must have a 95% lower bound above 0.2; ρ of salaried staff and contacts with national
/// government must be weak: |ρ| &lt; 0.3 and below the volunteers' ρ.
/// </summary>
public sealed class SurveyJapan2007 : Experiment
{
    private static readonly string[] TableHeader = ["figure", "paper", "model mean", "95% CI", "tolerance", "inside?", "label"];

    /// <summary>Allowed distance of the model's mean share from the paper's.</summary>
    public const double Tolerance = 0.10;
    /// <summary>Most share of organizations cooperating abroad that still reads as "hardly any".</summary>
    public const double AbroadMax = 0.10;
    public const double VolunteersRhoMin = 0.2, StaffRhoMax = 0.3;
    private static CheckKind RhoKind(bool volunteers) => volunteers ? CheckKind.Fact : CheckKind.Formula;
    private static string RhoReason(bool volunteers) => volunteers ? "" :
        "staff try national government with a chance written as 0.2 + 0.8 · openness · S / (S + 3): the weak link under a tight POS is in the formula";

    /// <summary>A share the paper reports: measure (also the check's key), label, the paper's value, and what its check tests.</summary>
    public sealed record Share(string Measure, string Label, double Paper, CheckKind Kind, string KindReason);

    /// <summary>The shares of the paper, in its order.</summary>
    public static IReadOnlyList<Share> Shares { get; } =
    [
        new("counselling", "counselling", 0.84, CheckKind.Input, "japan-2007 sets the share of organizations that counsel to the survey's 84%"),
        new("language_classes", "language classes", 0.63, CheckKind.Input, "japan-2007 sets the survey's 63%"),
        new("networking", "networking", 0.74, CheckKind.Input, "japan-2007 sets the survey's 74%"),
        new("regular_cooperation_japan", "regular cooperation with organizations in Japan", 0.89, CheckKind.Formula,
            "≈ 1 − (1 − 0.74)(1 − 0.84): an organization that networks or counsels (with referral 0.3 a week, set with the 89% in mind) has a domestic contact every month"),
        new("cooperation_abroad", "cooperation abroad (NGOs abroad, international organizations)", 0.0, CheckKind.CalibrationTarget,
            "japan-2007's alliance_probability 0.001 was set by hand for it, 893c5fb"),
        new("influence_politics", "trying to influence political decisions (lobbying)", 0.63, CheckKind.Input,
            "japan-2007 sets the share of organizations that lobby to the survey's 63% (62% weighted over its groups)"),
    ];

    public override string Id => "survey";
    public override string Title => "The survey of migrant support organizations in Japan, 2007";
    public override string Claim => "19 organizations: 84% counsel, 63% teach language classes, 74% network, 89% cooperate regularly with organizations in Japan, hardly any abroad, 63% try to influence political decisions; contact with local authorities rises with volunteers; salaried staff is only weakly linked to contact with government agencies.";
    public override string Source => "Vogt & Lersch (2007), Migrant Support Organizations in Japan – A Mixed-Method Approach, sec. 5; MODEL.md";
    public override string FileName => "survey-japan-2007.yaml";
    public override bool KeepsOrganizations => true;

    public override IReadOnlyList<string> Measures { get; } =
        ["organizations", "counselling", "language_classes", "networking", "regular_cooperation_japan", "cooperation_abroad", "influence_politics"];

    public override double[] Measure(RunResult run)
    {
        var orgs = run.Organizations;
        if (orgs.Count == 0) return [0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        double ShareOf(Func<OrganizationRecord, bool> f) => orgs.Count(f) / (double)orgs.Count;
        double monthly = run.TicksRun / 4.0;
        return
        [
            orgs.Count,
            ShareOf(o => o.Counselling > 0),
            ShareOf(o => o.LanguageClasses > 0),
            ShareOf(o => o.Networking > 0),
            ShareOf(o => o.ContactsDomestic >= monthly),
            ShareOf(o => o.ContactsAbroad + o.ContactsInternational > 0),
            ShareOf(o => o.Lobbying > 0),
        ];
    }

    /// <summary>The survey's checks and table (shared with fact 7).</summary>
    internal static (List<Check> Checks, List<IReadOnlyList<string>> Table, List<FigurePoint> Model, List<FigurePoint> Paper, List<Reported> Reported) Survey(IReadOnlyList<ExperimentRun> runs)
    {
        var checks = new List<Check>();
        var table = new List<IReadOnlyList<string>> { TableHeader };
        var model = new List<FigurePoint>();
        var paper = new List<FigurePoint>();
        for (int i = 0; i < Shares.Count; i++)
        {
            var s = Shares[i];
            var e = Statistics.Mean(runs.Select(r => r[s.Measure]));
            bool abroad = s.Measure == "cooperation_abroad"; // the paper: "hardly any"
            bool inside = abroad ? e.Value <= AbroadMax : Math.Abs(e.Value - s.Paper) <= Tolerance;
            string tolerance = abroad ? $"mean ≤ {F(AbroadMax)}" : $"{F(s.Paper)} ± {F(Tolerance)}";
            string paperText = abroad ? "hardly any" : F(s.Paper);
            checks.Add(new Check($"survey: {s.Label} (paper {paperText})", e, tolerance, inside, $"{e.N} replications")
            {
                Key = s.Measure, Kind = s.Kind, KindReason = s.KindReason,
            });
            table.Add([s.Label, paperText, F(e.Value), $"[{F(e.Low)}, {F(e.High)}]", tolerance, inside ? "yes" : "no", Check.Label(s.Kind)]);
            model.Add(Point(s.Label, i, e));
            paper.Add(abroad
                ? new FigurePoint(s.Label, i, 0, 0, AbroadMax)
                : new FigurePoint(s.Label, i, s.Paper, s.Paper - Tolerance, s.Paper + Tolerance));
        }
        var orgs = runs.SelectMany(r => r.Organizations).ToList();
        var volunteers = RankCorrelation.Spearman(orgs.Select(o => (double)o.Volunteers).ToArray(), orgs.Select(o => (double)o.ContactsLocalAuthorities).ToArray());
        var staff = RankCorrelation.Spearman(orgs.Select(o => (double)o.SalariedStaff).ToArray(), orgs.Select(o => (double)o.ContactsNationalGovernment).ToArray());
        checks.Add(new Check("Spearman ρ(volunteers, contacts with local authorities)", volunteers, $"95% CI lower bound > {F(VolunteersRhoMin)}",
            volunteers.HasInterval && volunteers.Low > VolunteersRhoMin, $"{orgs.Count} organizations pooled over replications")
        {
            Key = "rho_volunteers_local", Kind = RhoKind(true), KindReason = RhoReason(true),
        });
        checks.Add(new Check("Spearman ρ(salaried staff, contacts with national government)", staff,
            $"weak: |ρ| < {F(StaffRhoMax)} and below ρ(volunteers, local)",
            double.IsFinite(staff.Value) && Math.Abs(staff.Value) < StaffRhoMax && double.IsFinite(volunteers.Value) && staff.Value < volunteers.Value,
            $"{orgs.Count} organizations")
        {
            Key = "rho_staff_national", Kind = RhoKind(false), KindReason = RhoReason(false),
        });
        table.Add(["ρ(volunteers, local authority contacts)", "rises", F(volunteers.Value), $"[{F(volunteers.Low)}, {F(volunteers.High)}]",
            $"lower bound > {F(VolunteersRhoMin)}", checks[^2].Passed ? "yes" : "no", Check.Label(RhoKind(true))]);
        table.Add(["ρ(salaried staff, national government contacts)", "slight", F(staff.Value), $"[{F(staff.Low)}, {F(staff.High)}]",
            $"|ρ| < {F(StaffRhoMax)}, below the volunteers' ρ", checks[^1].Passed ? "yes" : "no", Check.Label(RhoKind(false))]);
        var reported = new List<Reported>
        {
            new("organizations per replication", Statistics.Mean(runs.Select(r => r["organizations"]))),
        };
        return (checks, table, model, paper, reported);
    }

    public override ExperimentResult Analyze(IReadOnlyList<ExperimentRun> runs)
    {
        var (checks, table, model, paper, reported) = Survey(runs);
        return Result(runs.Count, checks, reported, Figure("Survey: shares of organizations, paper against model", model, paper), table);
    }

    internal static ExperimentFigure Figure(string title, List<FigurePoint> model, List<FigurePoint> paper) => new()
    {
        Title = title,
        XLabel = "Share of organizations that ...",
        YLabel = "Share (model: mean, 95% CI)",
        Series = [new FigureSeries("model", model), new FigureSeries("paper ± tolerance", paper, Reference: true)],
    };
}
