using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Cli;

/// <summary>Opens a protocol with its compiled rules for commands that run it; an invalid protocol is refused (exit 2).</summary>
public static class ProtocolOpening
{
    public static OpenedProtocol OpenOrRefuse(CliConsole console, string file, ValidationContext? context = null)
    {
        var opened = Edges.Engine.Validation.Open(file, context ?? ValidationContext.ForProtocol(Edges.Engine.Plugins, file));
        foreach (var diagnostic in opened.Load.Diagnostics)
            console.Error.WriteLine(diagnostic);
        if (opened.Load.HasErrors || opened.Rules is null)
        {
            opened.Dispose();
            var errors = opened.Load.Diagnostics.Count(d => d.IsError);
            throw new CliInputException($"{file}: invalid ({errors} error{(errors == 1 ? "" : "s")}); fix it first (`protocol-engine validate {file}` lists the problems).");
        }
        return opened;
    }
}
