using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Cli.Records;

/// <summary>Exceptions that mean the input was refused (exit 2) rather than the program failing (exit 1).</summary>
public static class RefusedInput
{
    public static bool Is(Exception ex) => ex is CliInputException or RecordRejectedException or StoreOpenException or StoreFaultException
        or AuthenticationException or AccessDeniedException or AmendmentPendingException;
}
