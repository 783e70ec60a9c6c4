using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Cli.Commands;

/// <summary>What the stats commands share: the plugin from the catalog, the format option, argument checks and output.</summary>
internal static class StatsPlugin
{
    public const string DefaultName = "Statistics";

    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "json (default) or text.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        return format;
    }

    public static Option<string> PluginOption() =>
        new("--plugin") { Description = "The statistics plugin (default Statistics).", DefaultValueFactory = _ => DefaultName };

    /// <summary>Runs <paramref name="call"/> on the named plugin; its ArgumentException is the user's input refused (exit 2).</summary>
    public static T With<T>(string name, Func<IStatisticsPlugin, T> call)
    {
        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(null));
        var plugin = catalog.Find<IStatisticsPlugin>(name)
            ?? throw new CliInputException($"--plugin: no statistics plugin '{name}'; available: {Available(catalog)}."
                + (catalog.Failures.Count > 0 ? $" {catalog.Failures.Count} plugin(s) failed to load; run `protocol-engine plugins` for the reasons." : ""));
        try
        {
            return call(plugin);
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message);
        }
    }

    public static void Counts(int events, int total, string eventsName, string totalName)
    {
        if (total < 1)
            throw new CliInputException($"{totalName}: {total} participants; give at least 1.");
        if (events < 0 || events > total)
            throw new CliInputException($"{eventsName}: {events} events out of {total} is impossible; give 0 to {total}.");
    }

    public static void Rate(double value, string option)
    {
        if (!(value > 0 && value < 1))
            throw new CliInputException($"{option}: {G(value)} is outside (0, 1); give a proportion strictly between 0 and 1, e.g. 0.6.");
    }

    public static void Margin(double value)
    {
        if (!(value < 0 && value > -1))
            throw new CliInputException($"--margin: {G(value)} must be negative and above -1: the non-inferiority margin on treatment - control, e.g. -0.15.");
    }

    public static void Write(CliConsole console, string format, IReadOnlyDictionary<string, object> json, string text)
    {
        if (format == "json")
            CliJson.Write(console.Out, json);
        else
            console.Out.WriteLine(text);
    }

    public static string G(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Available(PluginCatalog catalog) =>
        catalog.NamesFor(PluginFamily.Statistics) is { Count: > 0 } names ? string.Join(", ", names) : "none";
}
