using ContentionSim.Scenarios.Internal;

namespace ContentionSim.Scenarios;

/// <summary>Whether a file can be read as a YAML input at all, before it is known what kind of input it is.</summary>
public static class InputFile
{
    /// <summary>
    /// Throws, with the one problem told of a <paramref name="kind"/> file ("sweep or calibration") and under
    /// <paramref name="subject"/>, when <paramref name="path"/> cannot be read as text: missing, a folder, a device, too
    /// large, not UTF-8. For a command that cannot yet tell what the file was meant to be.
    /// </summary>
    /// <exception cref="ScenarioException">The file cannot be read.</exception>
    public static void CheckReadable(string path, string kind, string subject)
    {
        TextFile.Read(path, kind, out var problem);
        if (problem is not null) throw new ScenarioException([problem], subject);
    }
}
