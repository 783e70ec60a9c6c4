using System.Text.Json;
using LiteDB;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Storage.LiteDb;

/// <summary>The messages of a failed write (a full disk) and of a damaged file: each names the file, says what became of the change and what to do.</summary>
internal static class StoreFaults
{
    /// <summary>ENOSPC and EDQUOT (Linux errno values; .NET keeps the errno as the IOException's HResult).</summary>
    private const int NoSpace = 28, QuotaExceeded = 122;

    public static bool IsDiskFull(IOException ex) =>
        ex.HResult is NoSpace or QuotaExceeded || (ex.HResult & 0xFFFF) == 0x70 /* Windows ERROR_DISK_FULL */
        || ex.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);

    /// <summary>A write that failed: nothing of the change under way was saved.</summary>
    public static StoreFaultException WriteFailed(string path, IOException fault) => IsDiskFull(fault)
        ? new StoreFaultException($"The disk is full: '{path}' could not be written ({fault.Message}). Nothing of this change was saved; "
            + "the database is as the last complete change left it. Free some space on that disk and run the command again.", fault)
        : new StoreFaultException($"Writing '{path}' failed ({fault.Message}). Nothing of this change was saved; the database is as the last "
            + "complete change left it. Fix the disk and run the command again.", fault);

    /// <summary>A new database that could not be written: nothing of it was left behind.</summary>
    public static StoreFaultException CreateFailed(string path, IOException fault) =>
        new($"{(IsDiskFull(fault) ? "The disk is full: " : "")}the database '{path}' could not be created ({fault.Message}); nothing of it was left behind. "
            + (IsDiskFull(fault) ? "Free some space on that disk and run the command again." : "Fix the disk and run the command again."), fault);

    /// <summary>
    /// True for what a damaged file makes LiteDB or the decoding of its documents throw (LiteDB's own errors, and the
    /// errors of code inside LiteDB reading bytes that are not what it wrote), as opposed to a refusal of the service.
    /// </summary>
    public static bool IsDamage(Exception ex) =>
        ex is LiteException or InvalidDataException or JsonException or EndOfStreamException
        || (ex is IndexOutOfRangeException or ArgumentException or InvalidCastException or OverflowException or NullReferenceException
            or FormatException or KeyNotFoundException or InvalidOperationException
            && ex.TargetSite?.DeclaringType?.Assembly == typeof(LiteDatabase).Assembly);

    public static StoreFaultException Damaged(string path, Exception ex) =>
        new($"'{path}' is damaged: reading it failed ({ex.Message}). Nothing was changed. Restore it from a backup "
            + "(`protocol-engine restore FILE`) or point --db at the right file.", ex);
}
