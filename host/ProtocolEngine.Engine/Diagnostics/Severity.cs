namespace ProtocolEngine.Engine.Diagnostics;

public enum Severity { Error, Warning }
