using System.CommandLine;

namespace ProtocolEngine.Cli;

/// <summary>Arguments and options that several commands share, defined once.</summary>
public static class CommonOptions
{
    public const string DefaultProtocol = "protocol.yaml";

    /// <summary>The optional PATH argument of validate, describe and test.</summary>
    public static Argument<string?> ProtocolArgument() => new("PATH")
    {
        Description = $"The protocol file (default: ./{DefaultProtocol}).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The --protocol option of commands whose argument is something else.</summary>
    public static Option<string?> ProtocolOption() => new("--protocol")
    {
        Description = $"The protocol file (default: ./{DefaultProtocol}).",
    };

    public static string ResolveProtocol(string? path) => string.IsNullOrWhiteSpace(path) ? DefaultProtocol : path;
}
