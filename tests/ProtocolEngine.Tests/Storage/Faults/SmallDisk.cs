using System.Diagnostics;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// A real, small file system (tmpfs of a given size) mounted on a new temp folder, filled on demand with a filler
/// file until the kernel says ENOSPC, then freed again; unmounted on dispose.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const int Chunk = 4096;

    public string Root { get; }
    private string Filler => Path.Combine(Root, "filler");

    public SmallDisk(int kilobytes)
    {
        Root = Directory.CreateTempSubdirectory("pe-small-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0700", "tmpfs", Root);
    }

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Free bytes as the file system counts them.</summary>
    public long Free => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Fills the disk to the last byte, then frees <paramref name="leave"/> bytes (whole 4 KiB pages, as tmpfs counts them).</summary>
    public void FillLeaving(long leave)
    {
        using (var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1))
        {
            var block = new byte[Chunk];
            try
            {
                while (true) stream.Write(block);
            }
            catch (IOException)
            {
                // ENOSPC: the disk is full.
            }
        }
        var length = new FileInfo(Filler).Length;
        using (var stream = new FileStream(Filler, FileMode.Open, FileAccess.Write))
            stream.SetLength(Math.Max(0, length - length % Chunk - leave));
    }

    /// <summary>Removes the filler: the space is free again.</summary>
    public void FreeAll()
    {
        if (System.IO.File.Exists(Filler)) System.IO.File.Delete(Filler);
    }

    public void Dispose()
    {
        Run("umount", "-l", Root);
        Directory.Delete(Root);
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)}: exit {p.ExitCode}: {error}");
    }
}
