namespace ProtocolEngine.Engine.Trial;

/// <summary>The protocol differs from the version the database accepted; an administrator must accept the amendment first.</summary>
public sealed class AmendmentPendingException(IReadOnlyList<string> changes)
    : Exception("The protocol differs from the version this database accepted; no new records until an administrator accepts it as an amendment "
        + "(`protocol-engine amend accept --reason TEXT`). Changes:" + Environment.NewLine + string.Join(Environment.NewLine, changes.Select(c => "  " + c)))
{
    public IReadOnlyList<string> Changes { get; } = changes;
}
