using System.Runtime.InteropServices;

namespace ContentionSim.Shared;

/// <summary>What a path names on disk, following symbolic links: the kinds .NET's <c>File.Exists</c> does not tell apart.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>
/// The kind of a file system entry (<c>stat</c>, following links). On Unix it asks the runtime's own
/// native shim (<c>SystemNative_Stat</c>, whose result starts with two 32-bit fields: flags and mode), so
/// no package and no platform struct layout is needed. Elsewhere it falls back to <c>File.Exists</c> /
/// <c>Directory.Exists</c>, where a device counts as a regular file.
/// </summary>
internal static class FileKinds
{
    public static FileKind Of(string path)
    {
        if (string.IsNullOrEmpty(path)) return FileKind.Missing;
        if (OperatingSystem.IsWindows()) return Fallback(path);
        try
        {
            var buffer = new byte[512];
            if (Stat(path, buffer) != 0) return Directory.Exists(path) || File.Exists(path) ? Fallback(path) : FileKind.Missing;
            int mode = BitConverter.ToInt32(buffer, 4) & 0xF000;
            return mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return Fallback(path);
        }
    }

    /// <summary>"a character device" etc., for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing",
        FileKind.Regular => "a file",
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a named pipe",
        FileKind.Socket => "a socket",
        _ => "a special file",
    };

    private static FileKind Fallback(string path) =>
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
}
