using ContentionSim.Core.Observation;
using ContentionSim.Core.Parameters;
using ContentionSim.Core.Simulation;

namespace ContentionSim.Core.Tests;

/// <summary>
/// Triggering events (docs/ODD.md 7.2, <c>trigger_rate</c>): a suddenly imposed grievance among an
/// organization's members (Walsh 1981) raises their grievance, names the injustice and makes the
/// organization call them out whatever the movement does. At rate 0 (the default) nothing of this happens.
/// </summary>
public sealed class TriggeringEventTests
{
    private static RunResult Run(double triggerRate) => Simulator.Run(new Scenario
    {
        Seed = 11,
        Ticks = 200,
        BurnIn = 0,
        State = new StateParameters { Openness = 0.15 },
        Movements =
        [
            new MovementParameters
            {
                // A quiet movement: low grievance, so the movement-wide wave that ordinary calls ride never comes.
                Activists = new ActivistParameters { Count = 2_000, Grievance = Distribution.Beta(0.2, 0.1), InitialFrameAdoption = 0 },
                Organizations = [new OrganizationGroupParameters { PerThousandActivists = 5, Mobilization = 0.3, TriggerRate = triggerRate }],
            },
        ],
    }, new RunOptions { Threads = 1 });

    [Fact]
    public void Organizations_hit_by_triggering_events_call_their_members_out_in_a_quiet_movement_and_without_them_hardly_call()
    {
        var quiet = Run(0);
        var triggered = Run(0.05);
        int quietCalls = quiet.Organizations.Sum(o => o.Mobilization);
        int triggeredCalls = triggered.Organizations.Sum(o => o.Mobilization);
        // Ten organizations, about ten events each in 200 ticks, four ticks of calls per event.
        Assert.True(triggeredCalls >= 200, $"calls with triggering events: {triggeredCalls}");
        Assert.True(triggeredCalls > 5 * quietCalls + 50, $"calls with triggering events {triggeredCalls}, without {quietCalls}");
        // The called members, aggrieved and framed by the event, take part: the movement is no longer quiet.
        Assert.True(triggered.Headline.PeakParticipation > 2 * quiet.Headline.PeakParticipation + 0.005,
            $"peak participation with triggering events {triggered.Headline.PeakParticipation}, without {quiet.Headline.PeakParticipation}");
    }
}
