namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// A test that mounts a small tmpfs (<see cref="SmallDisk"/>): it runs as root on Linux, as CI does here, and is
/// skipped with that reason elsewhere (mounting needs root).
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            Skip = "Needs root on Linux, to mount a small tmpfs and fill it (CI runs these as root).";
    }
}
