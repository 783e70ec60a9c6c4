using System.CommandLine;

namespace ProtocolEngine.Cli.Records;

/// <summary>The options every records command has: protocol, database, key file and output format.</summary>
public sealed class RecordOptions
{
    public Option<string> Protocol { get; } = new("--protocol") { Description = $"The protocol file (default: ./{CommonOptions.DefaultProtocol}).", DefaultValueFactory = _ => CommonOptions.DefaultProtocol };
    public Option<string?> Db { get; } = new("--db") { Description = "The database file (default: data/<protocol id>.db beside the protocol; env PROTOCOL_ENGINE_DB)." };
    public Option<string?> KeyFile { get; } = new("--key-file") { Description = "File holding the database key (else env PROTOCOL_ENGINE_DB_KEY, else a prompt)." };
    public Option<string> Format { get; } = new("--format") { Description = "Output: text or json.", DefaultValueFactory = _ => "text" };

    public RecordOptions() => Format.AcceptOnlyFromAmong("text", "json");

    /// <summary>Adds the options (with --format unless the command has its own).</summary>
    public Command AddTo(Command command, bool withFormat = true)
    {
        command.Options.Add(Protocol);
        command.Options.Add(Db);
        command.Options.Add(KeyFile);
        if (withFormat) command.Options.Add(Format);
        return command;
    }

    public bool Json(ParseResult parse) => parse.GetValue(Format) == "json";
}
