using System.Globalization;

namespace ContentionSim.Cli.Commands.Watch;

/// <summary>
/// The keys of <c>run --watch</c> and what they do to the pace: Space pauses and resumes, <c>.</c> (or
/// <c>s</c>, or the right arrow) runs one tick and pauses, <c>+</c> and <c>-</c> double and halve the speed.
/// With <see cref="PauseAtStages"/> the run also pauses at every stage change, so a class can talk about it.
/// Pure state, fed keys and ticks, so it is tested without a terminal.
/// </summary>
internal sealed class WatchControl(double speed, bool pauseAtStages)
{
    public double Speed { get; private set; } = speed;

    public bool Paused { get; private set; }

    public bool PauseAtStages { get; } = pauseAtStages;

    /// <summary>Why the run is paused, for the header ("PAUSED", "PAUSED at a stage change").</summary>
    public string? Status => Paused ? (_atStage ? "PAUSED at a stage change" : "PAUSED") : null;

    private bool _step, _atStage;

    /// <summary>The keys, for the line under the live view.</summary>
    public string Help => string.Format(CultureInfo.InvariantCulture,
        "Space pause/resume · . one step · + faster · - slower ({0:0.#} ticks/s) · Ctrl-C stop{1}",
        Speed, PauseAtStages ? " · pauses at every stage change" : "");

    /// <summary>Applies a key; returns true if it was one of ours.</summary>
    public bool Key(ConsoleKeyInfo key)
    {
        switch (key.Key == ConsoleKey.RightArrow ? '.' : char.ToLowerInvariant(key.KeyChar))
        {
            case ' ':
                Paused = !Paused;
                _atStage = false;
                return true;
            case '.' or 's':
                _step = true;
                Paused = false;
                return true;
            case '+' or '=':
                Speed = Math.Min(WatchRunner.MaxSpeed, Speed * 2);
                return true;
            case '-' or '_':
                Speed = Math.Max(0.25, Speed / 2);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Called after each tick: a step pauses again, and with <see cref="PauseAtStages"/> so does a stage change.</summary>
    public void Ticked(bool stageChanged)
    {
        if (_step)
        {
            _step = false;
            Paused = true;
            _atStage = false;
        }
        if (stageChanged && PauseAtStages)
        {
            Paused = true;
            _atStage = true;
        }
    }
}
