using ProtocolEngine.Engine.Records;
using ProtocolEngine.Engine.Records.Persistence;
using ProtocolEngine.Engine.Records.Security;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Cli.Records;

/// <summary>Exceptions that mean the input was refused (exit 2) rather than the program failing (exit 1).</summary>
public static class RefusedInput
{
    public static bool Is(Exception ex) => ex is CliInputException or RecordRejectedException or StoreOpenException
        or AuthenticationException or AccessDeniedException or AmendmentPendingException;
}
