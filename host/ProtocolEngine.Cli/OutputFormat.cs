using System.CommandLine;

namespace ProtocolEngine.Cli;

public enum OutputFormat { Text, Json }

/// <summary>The <c>--format text|json</c> option.</summary>
public static class OutputFormatOption
{
    public static Option<OutputFormat> Create() => new("--format")
    {
        Description = "Output format: text (for people) or json (for scripts).",
        DefaultValueFactory = _ => OutputFormat.Text,
    };
}
