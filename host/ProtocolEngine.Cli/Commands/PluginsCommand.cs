using System.CommandLine;
using System.Text.Json;
using ProtocolEngine.Contracts;
using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine plugins`: the plugins loaded (name, version, family, path) and those that failed, with reasons.</summary>
public static class PluginsCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var protocol = new Option<string?>("--protocol") { Description = "A protocol file (or its folder): also load the plugins/ folder beside it." };
        var command = new Command("plugins", "List the plugins loaded and those that failed to load, with the reason.") { format, protocol };
        command.SetAction(parse =>
        {
            var folders = PluginFolders.ForProtocol(ProtocolPaths.DirectoryOf(parse.GetValue(protocol)));
            using var catalog = Edges.Engine.Plugins.Load(folders);
            if (parse.GetValue(format) == "json")
                WriteJson(console.Out, catalog, folders);
            else
                WriteText(console.Out, catalog, folders);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, PluginCatalog catalog, IReadOnlyList<string> folders)
    {
        output.WriteLine($"Contract version {ContractInfo.Version}; plugin folders: {string.Join(", ", folders)}");
        if (catalog.Plugins.Count == 0)
            output.WriteLine("No plugins loaded.");
        else
        {
            output.WriteLine($"Loaded ({catalog.Plugins.Count}):");
            var width = catalog.Plugins.Max(p => p.Name.Length);
            foreach (var p in catalog.Plugins)
                output.WriteLine($"  {p.Name.PadRight(width)}  {p.Version,-8}  {p.Family,-14}  {p.Path}");
        }
        if (catalog.Failures.Count > 0)
        {
            output.WriteLine($"Failed ({catalog.Failures.Count}):");
            foreach (var f in catalog.Failures)
                output.WriteLine($"  {f.Path}: {f.Reason}");
        }
    }

    private static void WriteJson(TextWriter output, PluginCatalog catalog, IReadOnlyList<string> folders)
    {
        var document = new
        {
            ContractVersion = ContractInfo.Version,
            Folders = folders,
            Plugins = catalog.Plugins.Select(p => new { p.Name, p.Version, Family = p.Family.ToString(), p.Path, p.ContractVersion, p.Description }),
            Failures = catalog.Failures.Select(f => new { f.Path, f.Reason }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, CliJson.Options));
    }
}
