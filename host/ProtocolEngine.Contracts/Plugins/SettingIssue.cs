namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A problem with a setting, named so a protocol author can fix it.</summary>
/// <param name="Field">The setting at fault, in protocol terms (e.g. "block_sizes").</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record SettingIssue(string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
