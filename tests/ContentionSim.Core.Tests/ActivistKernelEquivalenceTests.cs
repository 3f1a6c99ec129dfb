using ContentionSim.Core.Activists;
using ContentionSim.Core.Network;
using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Randomness;

namespace ContentionSim.Core.Tests;

/// <summary>
/// The fast update (<see cref="ActivistKernel.UpdateSegment"/>: tie counts from the two-bit view, with
/// AVX2 gathers or a scalar loop, from lattice bits or listed ties; write-back; the packed next view;
/// the tallies) gives, row by row, what the rule on one screen (<see cref="ActivistRules.Decide"/>) gives
/// from ties counted the plain way (each tie's status read from <c>State</c>). Populations, parameters,
/// signals and states are random from fixed seeds, with a fixed number of rows: 8 cases × 4 rounds ×
/// 80,000 activists = 2,560,000 rows.
/// </summary>
public class ActivistKernelEquivalenceTests
{
    private const int Rounds = 4, Activists = 80_000, Organizations = 7;

    public static TheoryData<string, bool, bool> Cases => new()
    {
        { "small_world", true, true },
        { "small_world", true, false },
        { "small_world", false, true },
        { "small_world", false, false },
        { "random", true, true },
        { "random", true, false },
        { "random", false, true },
        { "random", false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_kernel_gives_what_the_rule_gives_for_every_row(string network, bool compact, bool simd)
    {
        for (int round = 0; round < Rounds; round++)
        {
            ulong seed = (ulong)(1000 * round + (network == "random" ? 100 : 0) + (compact ? 10 : 0) + (simd ? 1 : 0));
            var rng = new Rng(Rng.Hash(0xC0FFEE, seed));
            int a = 1 + rng.NextInt(Activists - 2), b = 1 + rng.NextInt(Activists - 2);
            int[] starts = [0, Math.Min(a, b), Math.Max(a, b) == Math.Min(a, b) ? Math.Min(a, b) + 1 : Math.Max(a, b), Activists];
            var net = Build(network, starts, compact, seed);
            var pop = RandomPopulation(starts, ref rng);
            var calling = Enumerable.Range(0, Organizations).Select(_ => rng.Chance(0.5)).ToArray();
            var relief = Enumerable.Range(0, Organizations).Select(_ => rng.Chance(0.3) ? 0 : 0.3 * rng.NextDouble()).ToArray();
            var scenario = RandomScenario(starts.Length - 1, ref rng);
            int tick = 1 + rng.NextInt(500);
            var rules = Enumerable.Range(0, starts.Length - 1)
                .Select(m => new MovementRule(scenario, m, RandomSignals(ref rng), 0x5EED ^ seed, tick)).ToArray();

            var expected = Reference(pop, net, starts, rules, calling, relief, out var expectedTallies, out var expectedMembers);
            var (tallies, members) = RunKernel(pop, net, starts, rules, calling, relief, simd);

            string where = $"{network}, compact {compact}, simd {simd}, round {round}";
            for (int i = 0; i < Activists; i++)
            {
                var e = expected[i];
                if (pop.Next[i] != e.Next || Bits(pop.Energy[i]) != Bits(e.Energy) || Bits(pop.Radicalism[i]) != Bits(e.Radicalism)
                    || Bits(pop.Grievance[i]) != Bits(e.Grievance) || pop.Timer[i] != e.Timer)
                    Assert.Fail($"{where}: activist {i}: kernel gave state {pop.Next[i]}, energy {pop.Energy[i]}, radicalism {pop.Radicalism[i]}, " +
                                $"grievance {pop.Grievance[i]}, timer {pop.Timer[i]}; the rule gives {e.Next}, {e.Energy}, {e.Radicalism}, {e.Grievance}, {e.Timer}");
            }
            var view = new byte[pop.NextTieView.Length];
            ActivistPopulation.PackTieView(pop.Next, view, 0, Activists);
            Assert.True(view.AsSpan(0, (Activists + 3) / 4).SequenceEqual(pop.NextTieView.AsSpan(0, (Activists + 3) / 4)), $"{where}: the next tie view differs from the next states");
            for (int m = 0; m < tallies.Length; m++)
            {
                var (k, r) = (tallies[m], expectedTallies[m]);
                Assert.Equal((r.Inactive, r.Active, r.Exhausted, r.Repressed, r.Coopted), (k.Inactive, k.Active, k.Exhausted, k.Repressed, k.Coopted));
                Assert.Equal((r.Framed, r.RadicalActive, r.ViolentActs, r.Arrests, r.PeacefulArrests, r.Cooptations, r.NewlyActive),
                    (k.Framed, k.RadicalActive, k.ViolentActs, k.Arrests, k.PeacefulArrests, k.Cooptations, k.NewlyActive));
                // Summed per segment in the kernel, per row here: the same numbers in another grouping.
                Assert.Equal(r.GrievanceSum, k.GrievanceSum, 1e-9 * Math.Max(1, r.GrievanceSum));
            }
            Assert.Equal(expectedMembers, members);
            // The random rows reach every branch of the rule.
            var total = expectedTallies.Aggregate(new MovementTally(), (s, t) => { s.Add(t); return s; });
            Assert.True(total.Active > 0 && total.Arrests > 0 && total.PeacefulArrests < total.Arrests && total.Cooptations > 0
                        && total.ViolentActs > 0 && total.NewlyActive > 0 && total.Exhausted > 0 && total.Coopted > 0 && total.Repressed > 0,
                $"{where}: the random rows missed a branch");
        }
    }

    private static int Bits(float x) => BitConverter.SingleToInt32Bits(x);

    private static SocialNetwork Build(string kind, int[] starts, bool compact, ulong seed)
    {
        var p = kind == "random"
            ? new NetworkParameters { Kind = NetworkKind.Random, Degree = 6 }
            : new NetworkParameters { Kind = NetworkKind.SmallWorld, Degree = 8, Rewiring = 0.3, CrossMovement = 0.3 };
        lock (ActivistRulesSwitch.Gate)
        {
            SocialNetwork.UseCompactTies = compact;
            try
            {
                var net = SocialNetwork.Build(p, starts, new Rng(seed), 1);
                Assert.Equal(compact, net.Compact is not null);
                return net;
            }
            finally
            {
                SocialNetwork.UseCompactTies = true;
            }
        }
    }

    private static ActivistPopulation RandomPopulation(int[] starts, ref Rng rng)
    {
        var pop = new ActivistPopulation(Activists, starts);
        for (int i = 0; i < Activists; i++)
        {
            int status = rng.NextInt(5);
            pop.State[i] = (byte)(status | (rng.Chance(0.4) ? ActivistPopulation.FramedBit : 0) | (rng.Chance(0.05) ? ActivistPopulation.ViolentBit : 0));
            pop.Energy[i] = (float)rng.NextDouble();
            pop.Radicalism[i] = (float)rng.NextDouble();
            pop.Grievance[i] = (float)rng.NextDouble();
            pop.Timer[i] = (ushort)rng.NextInt(3);
            pop.BaselineGrievance[i] = (float)rng.NextDouble();
            pop.BaselineRadicalism[i] = (float)rng.NextDouble();
            pop.RiskAversion[i] = (float)rng.NextDouble();
            pop.Threshold[i] = (float)(1.5 * rng.NextDouble());
            pop.Organization[i] = rng.Chance(0.5) ? -1 : rng.NextInt(Organizations);
        }
        pop.RebuildTieView();
        return pop;
    }

    private static Scenario RandomScenario(int movements, ref Rng rng)
    {
        var list = new List<MovementParameters>();
        for (int m = 0; m < movements; m++)
        {
            var r = rng;
            double U(double lo, double hi) => lo + (hi - lo) * r.NextDouble();
            list.Add(new MovementParameters
            {
                Id = $"m{m}",
                GrievanceShift = U(-0.3, 0.3),
                Activists = new ActivistParameters
                {
                    ThresholdUnit = r.Chance(0.5) ? ThresholdUnit.People : ThresholdUnit.Share,
                    GrievanceWeight = U(0, 3), UnframedGrievance = U(0, 1), SocialWeight = U(0, 1.5), RiskWeight = U(0, 2),
                    EnergyCost = U(0, 0.3), RepressionCost = U(0, 2), EnergyRecovery = U(0, 0.2), ExhaustionLevel = U(0, 0.5),
                    RecoveredLevel = U(0.5, 1), RadicalCommitment = U(0, 1), RadicalizationRate = U(0, 0.3), ViolenceThreshold = U(0, 0.8),
                    ViolenceProbability = U(0, 0.5), Escalation = U(0, 4), FrameContagion = U(0, 1), FrameDecay = U(0, 0.5),
                    Deradicalization = U(0, 0.2), Frustration = U(0, 1), Disillusionment = U(0, 1), GrievanceRebuild = U(0, 0.2),
                    EfficacyWeight = U(0, 0.5), OpportunityWeight = U(0, 1), CallWeight = U(0, 0.5), RepressionBackfire = U(0, 0.5),
                    // The funnel on in some movements and off (1) in others; the radical flank anywhere from off to full.
                    Outreach = r.Chance(0.3) ? 1 : U(0, 1), TieRecruitment = U(0, 0.5), Availability = r.Chance(0.3) ? 1 : U(0.3, 1), RadicalFlank = U(0, 1),
                },
            });
            rng = r;
        }
        return new Scenario
        {
            Movements = list,
            Spillover = rng.NextDouble(),
            Public = new PublicOpinionParameters { Enabled = rng.Chance(0.7), RecruitmentEffect = 0.3 * rng.NextDouble() },
            State = new StateParameters { RepressionTerm = 1 + rng.NextInt(30), CooptationTerm = 1 + rng.NextInt(30) },
        };
    }

    private static MovementSignals RandomSignals(ref Rng rng) => new(
        new StatePolicy(ArrestProbability: 0.4 * rng.NextDouble(), PerceivedRepression: rng.NextDouble(), Facilitation: rng.NextDouble(),
            CooptProbability: 0.4 * rng.NextDouble(), Absorption: rng.NextDouble(), Opportunity: rng.NextDouble(), Relief: 0.2 * rng.NextDouble()),
        new OutsideAttention(FrameBoost: 1 + rng.NextDouble(), Attention: rng.NextDouble()),
        Sympathy: rng.NextDouble(), Momentum: 2 * rng.NextDouble() - 1, Decline: rng.NextDouble());

    private readonly record struct Row(byte Next, float Energy, float Radicalism, float Grievance, ushort Timer);

    /// <summary>The rule row by row, with ties counted from <c>State</c> through the network's rows.</summary>
    private static Row[] Reference(ActivistPopulation pop, SocialNetwork net, int[] starts, MovementRule[] rules, bool[] calling, double[] relief,
        out MovementTally[] tallies, out int[] activeMembers)
    {
        var rows = new Row[Activists];
        tallies = new MovementTally[rules.Length];
        activeMembers = new int[Organizations];
        for (int m = 0; m < rules.Length; m++)
            for (int i = starts[m]; i < starts[m + 1]; i++)
            {
                int activeOwn = 0, activeOther = 0, framedActive = 0, repressed = 0;
                foreach (int j in net.TiesOf(i))
                {
                    var status = pop.StatusOf(j);
                    if (status == ActivistStatus.Repressed) repressed++;
                    if (status != ActivistStatus.Active) continue;
                    if (j >= starts[m] && j < starts[m + 1]) activeOwn++; else activeOther++;
                    if (pop.IsFramed(j)) framedActive++;
                }
                int org = pop.Organization[i];
                var o = ActivistRules.Decide(new ActivistInput
                {
                    Id = i, Status = pop.StatusOf(i), Framed = pop.IsFramed(i),
                    Energy = pop.Energy[i], Radicalism = pop.Radicalism[i], Grievance = pop.Grievance[i], Timer = pop.Timer[i],
                    BaselineGrievance = pop.BaselineGrievance[i], BaselineRadicalism = pop.BaselineRadicalism[i],
                    RiskAversion = pop.RiskAversion[i], Threshold = pop.Threshold[i],
                    ServiceRelief = org >= 0 ? relief[org] : 0, Called = org >= 0 && calling[org],
                    Ties = new TieCounts(net.Degree(i), activeOwn, activeOther, framedActive, repressed),
                }, rules[m]);
                rows[i] = new Row((byte)((byte)o.Status | (o.Framed ? ActivistPopulation.FramedBit : 0) | (o.Violent ? ActivistPopulation.ViolentBit : 0)),
                    o.Energy, o.Radicalism, o.Grievance, o.Timer);
                ref var t = ref tallies[m];
                switch (o.Status)
                {
                    case ActivistStatus.Inactive: t.Inactive++; break;
                    case ActivistStatus.Active: t.Active++; break;
                    case ActivistStatus.Exhausted: t.Exhausted++; break;
                    case ActivistStatus.Repressed: t.Repressed++; break;
                    case ActivistStatus.Coopted: t.Coopted++; break;
                }
                if (o.Status == ActivistStatus.Active && o.Radicalism >= ActivistRules.RadicalLine) t.RadicalActive++;
                if (o.Status == ActivistStatus.Active && org >= 0) activeMembers[org]++;
                if (o.Framed) t.Framed++;
                if (o.Violent) t.ViolentActs++;
                if (o.Arrested) t.Arrests++;
                if (o.Arrested && !o.Violent) t.PeacefulArrests++;
                if (o.Coopted) t.Cooptations++;
                if (o.NewlyActive) t.NewlyActive++;
                t.GrievanceSum += o.Grievance;
            }
        return rows;
    }

    /// <summary>The kernel over fixed chunks, each chunk's movements as segments, as <see cref="ActivistLayer"/> runs it.</summary>
    private static (MovementTally[] Tallies, int[] ActiveMembers) RunKernel(ActivistPopulation pop, SocialNetwork net, int[] starts,
        MovementRule[] rules, bool[] calling, double[] relief, bool simd)
    {
        var tallies = new MovementTally[rules.Length];
        var members = new int[Organizations];
        var inputs = new ActivistKernel.TickInputs(pop, net, calling, relief);
        lock (ActivistRulesSwitch.Gate)
        {
            ActivistKernel.UseSimdTies = simd;
            try
            {
                for (int from = 0; from < Activists; from += ActivistLayer.ChunkSize)
                {
                    int to = Math.Min(Activists, from + ActivistLayer.ChunkSize);
                    for (int m = 0; m < rules.Length; m++)
                    {
                        int a = Math.Max(from, starts[m]), b = Math.Min(to, starts[m + 1]);
                        if (a < b) ActivistKernel.UpdateSegment(inputs, rules[m], starts[m], starts[m + 1], a, b, ref tallies[m], members);
                    }
                }
            }
            finally
            {
                ActivistKernel.UseSimdTies = true;
            }
        }
        return (tallies, members);
    }
}
