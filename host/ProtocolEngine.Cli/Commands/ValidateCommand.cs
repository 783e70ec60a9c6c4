using System.CommandLine;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Cli.Commands;

/// <summary><c>protocol-engine validate [PATH]</c>: every problem as FILE:LINE:COL; exit 0 valid, 2 invalid.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommonOptions.ProtocolArgument();
        var command = new Command("validate", "Check a protocol and report every problem with its file, line and column. Exit 0 valid, 2 invalid.") { path };
        command.SetAction(parse =>
        {
            var file = CommonOptions.ResolveProtocol(parse.GetValue(path));
            // The plugins stay loaded while the protocol is checked: the statistics plugin recalculates the stated sample size.
            using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(Path.GetDirectoryName(Path.GetFullPath(file))));
            var result = Edges.Engine.Validation.Run(file, ValidationContext.From(catalog));
            foreach (var diagnostic in result.Diagnostics)
                console.Error.WriteLine(diagnostic);
            if (result.HasErrors)
            {
                var errors = result.Diagnostics.Count(d => d.IsError);
                console.Error.WriteLine($"{file}: invalid ({errors} error{(errors == 1 ? "" : "s")}).");
                return ExitCodes.InvalidInput;
            }
            console.Out.WriteLine($"{file}: valid ({result.Document!.Protocol.Id}, version {result.Document.ContentHash[..12]}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
