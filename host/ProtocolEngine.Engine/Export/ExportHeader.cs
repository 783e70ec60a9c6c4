namespace ProtocolEngine.Engine.Export;

/// <summary>What an export says about itself: the trial, the protocol version, when, by whom, and whether list positions are in it.</summary>
public sealed record ExportHeader(string ProtocolId, string ProtocolHash, DateTimeOffset ExportedAtUtc, string ExportedBy, bool IncludesRandomizationList);
